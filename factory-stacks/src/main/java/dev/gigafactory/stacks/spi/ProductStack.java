package dev.gigafactory.stacks.spi;

import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import java.util.List;
import java.util.Optional;

/**
 * One kind of product the factory writes, named as a spec names it in {@code spec.stack}. The coder knows stacks only
 * through this interface, so a new stack is its templates and one class implementing it, listed in
 * {@link ProductStacks}.
 */
public interface ProductStack {

    /** The stack's name as in {@code spec.stack}, and in the {@code stack} key of every manifest it writes. */
    String name();

    /**
     * A digest of everything that decides what the stack writes; a tree another revision wrote may differ in any file
     * the stack can write again.
     */
    String revision();

    /**
     * The spec resolved into the names the code uses.
     *
     * @throws UnsafeSpecException when the spec cannot be written safely by this stack
     */
    ProductModel model(ServiceSpec document, int version);

    /** Every task a version of the product has: the tasks the planner plans ({@link PlanTask#every}). */
    List<PlanTask> tasks(ProductModel product);

    /**
     * Where the product takes the spec's prose {@code requirements} as code an LLM agent writes, or empty when the
     * stack has no hooks for them: then it cannot ship a spec that has requirements.
     */
    Optional<RequirementsHooks> requirementsHooks(ProductModel product);

    /**
     * The plan's tasks written, every other task's files kept from {@code base}.
     *
     * @param base the tree the plan's {@code baseDigest} names, or null when it has none or it cannot be read
     * @throws UnsafeSpecException when the plan cannot be run (a task the version does not have, tasks left out
     *         without a base, a spec this stack cannot write)
     */
    StackTree write(PlanCreated plan, ProductModel product, SourceTree base);
}
