package dev.gigafactory.coder.domain;

import dev.gigafactory.contracts.artifacts.SourceTree;
import java.util.List;

/**
 * What a code agent produced: the product's source tree, for which stack, by which agent, and how.
 *
 * @param tasks the ids of the tasks that ran
 * @param filesWritten how many files of the tree those tasks wrote; the others were kept from {@code baseDigest}
 * @param baseDigest the tree the unwritten files were kept from, or null when every file was written
 * @param failure null, or why the tree lacks what the plan asks for (it must then not be tested or shipped)
 */
public record GeneratedSource(SourceTree tree, String stack, String agent, List<String> tasks, int filesWritten,
        String baseDigest, String failure) {

    public GeneratedSource {
        tasks = List.copyOf(tasks);
    }

    /** A complete tree. */
    public GeneratedSource(SourceTree tree, String stack, String agent, List<String> tasks, int filesWritten,
            String baseDigest) {
        this(tree, stack, agent, tasks, filesWritten, baseDigest, null);
    }

    /** The same work, with another tree and the agent that finished it. */
    public GeneratedSource finishedBy(String finisher, SourceTree finished) {
        return new GeneratedSource(finished, stack, finisher, tasks, filesWritten, baseDigest, null);
    }

    /** The same work, which the agent could not finish, and why. */
    public GeneratedSource failedBy(String finisher, String why) {
        return new GeneratedSource(tree, stack, finisher, tasks, filesWritten, baseDigest, why);
    }

    public boolean failed() {
        return failure != null;
    }
}
