package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.spi.ProductStack;
import dev.gigafactory.stacks.spi.StackTree;
import java.util.List;

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

    @Override
    public boolean hasRequirementsHooks() {
        return true;
    }

    @Override
    public StackTree write(PlanCreated plan, ProductModel product, SourceTree base) {
        PlannedTree planned = PlannedTree.of(plan, product, base);
        return new StackTree(planned.tree(), planned.tasks(), planned.filesWritten(), planned.baseDigest(),
                planned.everyTaskBecause(), null);
    }
}
