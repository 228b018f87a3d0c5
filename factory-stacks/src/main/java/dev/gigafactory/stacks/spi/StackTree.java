package dev.gigafactory.stacks.spi;

import dev.gigafactory.contracts.artifacts.SourceTree;
import java.util.List;

/**
 * A product's tree for a plan, as a {@link ProductStack} wrote it.
 *
 * @param tasks the ids of the tasks that ran
 * @param filesWritten how many files of the tree they wrote; the others were kept from {@code baseDigest}
 * @param baseDigest the plan's base when files were kept from it, else null
 * @param everyTaskBecause why every task ran although the plan left some out (the base could not give their files),
 *        or null
 * @param failure null, or why the tree lacks what the product needs (it must then be neither tested nor shipped)
 */
public record StackTree(SourceTree tree, List<String> tasks, int filesWritten, String baseDigest,
        String everyTaskBecause, String failure) {

    public StackTree {
        tasks = List.copyOf(tasks);
    }
}
