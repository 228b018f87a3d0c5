package dev.gigafactory.coder.service;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.PlanCreated;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plan in, stored source tree and {@link CodeGenerated} out. The tree goes to the artifact store (claim check); the
 * event carries its digest. Idempotent: the agent is deterministic and the store content-addressed, so the same plan
 * gives the same digest and event; recently seen plans are not even regenerated.
 */
public final class CodeGenerationService {

    private static final int REMEMBERED_PLANS = 256;

    private final CodeAgent agent;
    private final ArtifactStore store;
    private final Map<String, CodeGenerated> recent = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CodeGenerated> eldest) {
            return size() > REMEMBERED_PLANS;
        }
    });

    public CodeGenerationService(CodeAgent agent, ArtifactStore store) {
        this.agent = agent;
        this.store = store;
    }

    /**
     * @param eventId the plan's CloudEvent id: deterministic per spec, version and attempt, so a redelivery repeats it
     */
    public CodeGenerated generate(String eventId, PlanCreated plan) {
        CodeGenerated known = recent.get(eventId);
        if (known != null && store.contains(known.sourceDigest())) {
            return known;
        }
        GeneratedSource source = agent.generate(plan);
        String digest = store.put(source.tree().pack());
        CodeGenerated generated = new CodeGenerated(plan.spec(), plan.version(), plan.attempt(), source.stack(),
                source.agent(), digest, source.tree().files().size(), plan.document());
        recent.put(eventId, generated);
        return generated;
    }
}
