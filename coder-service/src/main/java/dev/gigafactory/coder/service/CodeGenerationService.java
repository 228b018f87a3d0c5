package dev.gigafactory.coder.service;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.coder.service.provenance.ProvenanceRepository;
import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.PlanCreated;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Plan in, stored source tree and {@link CodeGenerated} out. The tree goes to the artifact store (claim check); the
 * event carries its digest. Idempotent: the agent is deterministic and the store content-addressed, so the same plan
 * gives the same digest and event; recently seen plans are not even regenerated.
 */
public final class CodeGenerationService implements AutoCloseable {

    private static final int REMEMBERED_PLANS = 256;
    private static final Logger LOG = Logger.getLogger(CodeGenerationService.class);

    private final CodeAgent agent;
    private final ArtifactStore store;
    private final ProvenanceRepository provenance;
    // Commits are for people, and JGit takes tens of milliseconds: one writer, in order, after the event is out.
    private final ExecutorService provenanceWriter = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "provenance-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CodeGenerated> recent = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CodeGenerated> eldest) {
            return size() > REMEMBERED_PLANS;
        }
    });

    public CodeGenerationService(CodeAgent agent, ArtifactStore store) {
        this(agent, store, null);
    }

    /** @param provenance where each version is also committed, or null for none */
    public CodeGenerationService(CodeAgent agent, ArtifactStore store, ProvenanceRepository provenance) {
        this.agent = agent;
        this.store = store;
        this.provenance = provenance;
    }

    /**
     * @param eventId the plan's CloudEvent id: deterministic per spec, version and attempt, so a redelivery repeats it
     */
    public CodeGenerated generate(String eventId, PlanCreated plan) {
        return generate(eventId, plan, generated -> {
        });
    }

    /**
     * Like {@link #generate(String, PlanCreated)}, with {@code announce} (the publish) run on the event before the
     * provenance commit is queued: the commit's tens of milliseconds of CPU would otherwise compete with the publish.
     * When {@code announce} throws, nothing is committed or remembered; the redelivered plan does it all again.
     */
    public CodeGenerated generate(String eventId, PlanCreated plan, Consumer<CodeGenerated> announce) {
        CodeGenerated known = recent.get(eventId);
        if (known != null && store.contains(known.sourceDigest())) {
            announce.accept(known);
            return known;
        }
        GeneratedSource source = agent.generate(plan, base(plan));
        String digest = store.put(source.tree().pack());
        CodeGenerated generated = new CodeGenerated(plan.spec(), plan.version(), plan.attempt(), source.stack(),
                source.agent(), digest, source.tree().files().size(), plan.document(), source.tasks(),
                source.filesWritten(), source.baseDigest(), source.failure());
        announce.accept(generated);
        if (source.failed()) {
            LOG.warnf("%s v%d attempt %d could not be written, the attempt fails: %s", plan.spec(), plan.version(),
                    plan.attempt(), source.failure());
        } else if (provenance != null) {
            provenanceWriter.execute(() -> commit(plan, source, digest));
        }
        recent.put(eventId, generated);
        return generated;
    }

    /** The tree an incremental plan builds on; null when it names none or the store cannot give it. */
    private SourceTree base(PlanCreated plan) {
        if (plan.baseDigest() == null) {
            return null;
        }
        try {
            return store.get(plan.baseDigest()).map(SourceTree::unpack).orElse(null);
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s v%d: the base tree %s cannot be read; every task runs", plan.spec(), plan.version(),
                    plan.baseDigest());
            return null;
        }
    }

    /** Writes the commits still queued, for a few seconds at most: the service is stopping. */
    @Override
    public void close() {
        provenanceWriter.shutdown();
        try {
            if (!provenanceWriter.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("provenance commits still queued after 10 s are dropped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // The history is for people; a repository that cannot be written must not stop the product from shipping.
    private void commit(PlanCreated plan, GeneratedSource source, String digest) {
        try {
            provenance.record(plan, source, digest).ifPresentOrElse(
                    id -> LOG.debugf("%s v%d committed as %s", plan.spec(), plan.version(), id),
                    () -> LOG.debugf("%s v%d: same tree as the last commit, nothing to commit", plan.spec(),
                            plan.version()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not commit %s v%d to its provenance repository", plan.spec(), plan.version());
        }
    }
}
