package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.stacks.spi.PlannedTasks;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import dev.gigafactory.stacks.spi.ProductStack;
import dev.gigafactory.stacks.spi.RequirementsHooks;
import dev.gigafactory.stacks.spi.StackTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code quarkus} stack: a Maven project on Quarkus REST, Panache and PostgreSQL (see {@link QuarkusProduct}).
 * A plan's tasks are written as {@link QuarkusTasks} says, the other tasks' files kept from the base tree when this
 * revision wrote it (else every task runs), and the migrations follow {@link QuarkusHistory}: earlier ones always from
 * the base, this version's written. When the history is unknown the tree has no migrations and says why in
 * {@link StackTree#failure}, so it is never tested or shipped.
 */
public final class QuarkusStack implements ProductStack {

    public static final String NAME = ProjectWriter.STACK;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String revision() {
        return QuarkusRevision.current();
    }

    @Override
    public ProductModel model(ServiceSpec document, int version) {
        return ProductModels.from(document, version, NAME);
    }

    @Override
    public List<PlanTask> tasks(ProductModel product) {
        return QuarkusTasks.every(product);
    }

    /** The reply compiles against the hook contract alone: those two files need no library, Quarkus' or other. */
    @Override
    public Optional<RequirementsHooks> requirementsHooks(ProductModel product) {
        return Optional.of(RequirementsHooks.of(product, Set.of(product.mainSource("Rules"),
                product.mainSource("Problem"))));
    }

    @Override
    public StackTree write(PlanCreated plan, ProductModel product, SourceTree base) {
        List<PlanTask> every = tasks(product);
        Set<String> planned = PlannedTasks.idsOf(plan, every);
        List<PlanTask> kept = every.stream().filter(task -> !planned.contains(task.id())).toList();
        if (!kept.isEmpty() && plan.baseDigest() == null) {
            throw new UnsafeSpecException(plan.spec(), List.of("the plan leaves out " + ids(kept)
                    + " and names no base tree to keep their files from"));
        }
        QuarkusHistory history = QuarkusHistory.of(product, base, plan.baseDigest());
        List<String> problems = new ArrayList<>(QuarkusNames.problems(product.entities()));
        problems.addAll(history.problems());
        if (!problems.isEmpty()) {
            throw new UnsafeSpecException(plan.spec(), problems);
        }
        String unusable = kept.isEmpty() ? null : unusable(base, product, kept);
        List<PlanTask> run = unusable == null
                ? every.stream().filter(task -> planned.contains(task.id())).toList()
                : every;
        Map<String, byte[]> files = new TreeMap<>();
        if (unusable == null) {
            kept.forEach(task -> QuarkusTasks.paths(product, task)
                    .forEach(path -> files.put(path, base.files().get(path))));
            if (kept.stream().anyMatch(task -> task.kind() == PlanTask.Kind.REQUIREMENTS)) {
                // The model's domain classes belong to the requirements task, like its Requirements class.
                base.files().forEach((path, bytes) -> {
                    if (path.startsWith(product.domainSources())) {
                        files.put(path, bytes);
                    }
                });
            }
        }
        int written = 0;
        for (PlanTask task : run) {
            Map<String, String> output = QuarkusTasks.write(product, plan.document(), task);
            output.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
            written += output.size();
        }
        files.putAll(history.files());
        boolean fromBase = base != null && (unusable == null && !kept.isEmpty()
                || history.known() && product.version() > 1);
        return new StackTree(new SourceTree(files), ids(run), written + (history.known() ? 1 : 0),
                fromBase ? plan.baseDigest() : null, unusable, history.failure());
    }

    /** Why the base cannot give the kept tasks' files as this revision writes them, or null when it can. */
    private String unusable(SourceTree base, ProductModel product, List<PlanTask> kept) {
        if (base == null) {
            return "its base tree cannot be read";
        }
        if (!revision().equals(QuarkusHistory.manifest(base).getProperty(ProductContract.STACK_REVISION_KEY))) {
            return "its base tree was written by another revision of the stack";
        }
        for (PlanTask task : kept) {
            for (String path : QuarkusTasks.paths(product, task)) {
                if (!base.files().containsKey(path)) {
                    return "its base tree has no " + path + " for task '" + task.id() + "'";
                }
            }
        }
        return null;
    }

    private static List<String> ids(List<PlanTask> tasks) {
        return tasks.stream().map(PlanTask::id).toList();
    }
}
