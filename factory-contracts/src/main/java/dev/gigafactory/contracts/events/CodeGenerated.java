package dev.gigafactory.contracts.events;

import dev.gigafactory.contracts.spec.ServiceSpec;
import java.util.List;

/**
 * The coder wrote a source tree; it lives in the artifact store under {@code sourceDigest} (claim check).
 *
 * @param tasks the ids of the plan's tasks the coder ran
 * @param filesWritten how many of the {@code fileCount} files those tasks wrote; the rest were kept from
 *        {@code baseDigest}
 * @param baseDigest the tree the unwritten files came from, or null when every file was written
 * @param failure null when the tree is all the plan asks for; else why the agent could not write it (a requirement
 *        no reply implemented): the tree is the scaffold without it, kept to be read, and the tester fails the
 *        attempt with this reason instead of testing it, so nothing ships without its requirement
 */
public record CodeGenerated(String spec, int version, int attempt, String stack, String agent, String sourceDigest,
        int fileCount, ServiceSpec document, List<String> tasks, int filesWritten, String baseDigest,
        String failure)
        implements
            FactoryEvent {

    /**
     * The deterministic template agent's name in {@code agent}: it writes the same code for the same plan, so the
     * planner knows a repair by it cannot change a failed outcome.
     */
    public static final String TEMPLATE_AGENT = "template";

    public CodeGenerated {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** A complete tree. */
    public CodeGenerated(String spec, int version, int attempt, String stack, String agent, String sourceDigest,
            int fileCount, ServiceSpec document, List<String> tasks, int filesWritten, String baseDigest) {
        this(spec, version, attempt, stack, agent, sourceDigest, fileCount, document, tasks, filesWritten, baseDigest,
                null);
    }

    /** A tree written whole, by tasks the event does not list. */
    public CodeGenerated(String spec, int version, int attempt, String stack, String agent, String sourceDigest,
            int fileCount, ServiceSpec document) {
        this(spec, version, attempt, stack, agent, sourceDigest, fileCount, document, List.of(), fileCount, null,
                null);
    }
}
