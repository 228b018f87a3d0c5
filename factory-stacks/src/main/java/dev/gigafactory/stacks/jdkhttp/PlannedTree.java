package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.stacks.spi.PlannedTasks;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.product.ProductContract;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A product's tree for a plan: the plan's tasks written, every other task's files kept from the base tree as they
 * are. When the base cannot give them as this stack would write them today (none could be read, another revision of
 * the stack wrote it, a file is missing), every task runs instead, and {@code everyTaskBecause} says why.
 *
 * @param tasks the ids of the tasks that ran
 * @param filesWritten how many files of the tree they wrote
 * @param baseDigest the plan's base when files were kept from it, else null
 */
public record PlannedTree(SourceTree tree, List<String> tasks, int filesWritten, String baseDigest,
        String everyTaskBecause) {

    /** @param base the tree the plan's {@code baseDigest} names, or null when it has none or it cannot be read */
    public static PlannedTree of(PlanCreated plan, ProductModel product, SourceTree base) {
        List<PlanTask> every = ProductTasks.every(product);
        Set<String> planned = PlannedTasks.idsOf(plan, every);
        List<PlanTask> kept = every.stream().filter(task -> !planned.contains(task.id())).toList();
        if (kept.isEmpty()) {
            return write(product, every, List.of(), null, null);
        }
        if (plan.baseDigest() == null) {
            throw new UnsafeSpecException(plan.spec(), List.of("the plan leaves out " + ids(kept)
                    + " and names no base tree to keep their files from"));
        }
        String unusable = unusable(base, product, kept);
        if (unusable != null) {
            return write(product, every, List.of(), null, unusable);
        }
        List<PlanTask> run = every.stream().filter(task -> planned.contains(task.id())).toList();
        return write(product, run, kept, base, null).withBase(plan.baseDigest());
    }

    private PlannedTree withBase(String digest) {
        return new PlannedTree(tree, tasks, filesWritten, digest, everyTaskBecause);
    }

    private static PlannedTree write(ProductModel product, List<PlanTask> run, List<PlanTask> kept, SourceTree base,
            String everyTaskBecause) {
        Map<String, byte[]> files = new TreeMap<>();
        for (PlanTask task : kept) {
            ProductTasks.pathsIn(product, task, base).forEach(path -> files.put(path, base.files().get(path)));
        }
        int written = 0;
        for (PlanTask task : run) {
            Map<String, String> output = ProductTasks.write(product, task);
            output.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
            written += output.size();
        }
        return new PlannedTree(new SourceTree(files), ids(run), written, null, everyTaskBecause);
    }

    /** Why the base cannot give the kept tasks' files, or null when it can. */
    private static String unusable(SourceTree base, ProductModel product, List<PlanTask> kept) {
        if (base == null) {
            return "its base tree cannot be read";
        }
        if (!StackRevision.current().equals(revisionOf(base))) {
            return "its base tree was written by another revision of the stack";
        }
        for (PlanTask task : kept) {
            for (String path : ProductTasks.paths(product, task)) {
                if (!base.files().containsKey(path)) {
                    return "its base tree has no " + path + " for task '" + task.id() + "'";
                }
            }
        }
        return null;
    }

    private static String revisionOf(SourceTree tree) {
        if (!tree.files().containsKey(ProductContract.MANIFEST)) {
            return null;
        }
        Properties manifest = new Properties();
        try {
            manifest.load(new StringReader(tree.text(ProductContract.MANIFEST)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifest.getProperty(ProductContract.STACK_REVISION_KEY);
    }

    private static List<String> ids(List<PlanTask> tasks) {
        return tasks.stream().map(PlanTask::id).toList();
    }
}
