package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.stacks.spi.ProductStack;
import dev.gigafactory.stacks.spi.RequirementsHooks;
import dev.gigafactory.stacks.spi.StackTree;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The {@code jdk-http} stack behind the stack interface: {@link PlannedTree} and {@link ProductTasks} as they are. */
public final class JdkHttpStack implements ProductStack {

    @Override
    public String name() {
        return StackRevision.STACK;
    }

    @Override
    public String revision() {
        return StackRevision.current();
    }

    @Override
    public ProductModel model(ServiceSpec document, int version) {
        return ProductModels.from(document, version, StackRevision.STACK);
    }

    @Override
    public List<PlanTask> tasks(ProductModel product) {
        return ProductTasks.every(product);
    }

    /** The reply compiles with every main source of the product, as its build script compiles them. */
    @Override
    public Optional<RequirementsHooks> requirementsHooks(ProductModel product) {
        Set<String> contract = new TreeSet<>();
        for (PlanTask task : tasks(product)) {
            ProductTasks.paths(product, task).stream().filter(path -> path.startsWith(ProductContract.MAIN_SOURCES)
                    && path.endsWith(".java")).forEach(contract::add);
        }
        return Optional.of(RequirementsHooks.of(product, contract));
    }

    @Override
    public StackTree write(PlanCreated plan, ProductModel product, SourceTree base) {
        PlannedTree planned = PlannedTree.of(plan, product, base);
        return new StackTree(planned.tree(), planned.tasks(), planned.filesWritten(), planned.baseDigest(),
                planned.everyTaskBecause(), null);
    }
}
