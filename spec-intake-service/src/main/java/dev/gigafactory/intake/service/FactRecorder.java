package dev.gigafactory.intake.service;

import dev.gigafactory.contracts.codec.CloudEvent;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.intake.domain.SpecFact;
import dev.gigafactory.intake.repository.SpecFactRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Keeps the details the console shows beyond the stage. Runs in the transaction that records the event's timeline
 * entries, so a fact and its stage change are committed together or not at all.
 */
@ApplicationScoped
public class FactRecorder {

    private final SpecFactRepository facts;
    private final SpendMetrics spend;

    public FactRecorder(SpecFactRepository facts, SpendMetrics spend) {
        this.facts = facts;
        this.spend = spend;
    }

    /** Whether the event brought a fact not stored before. */
    Uni<Boolean> remember(CloudEvent<FactoryEvent> event) {
        SpecFact fact = factOf(event);
        return fact == null ? Uni.createFrom().item(false) : facts.remember(fact);
    }

    /** After the commit of a new fact: a ledger entry counts once, however often it is delivered. */
    void committed(CloudEvent<FactoryEvent> event) {
        if (event.data() instanceof LedgerEntryRecorded entry) {
            spend.counted(entry);
        }
    }

    static SpecFact factOf(CloudEvent<FactoryEvent> event) {
        FactoryEvent data = event.data();
        Instant at = event.time() != null ? event.time() : Instant.now();
        if (data instanceof TestsCompleted tests) {
            // The spec document rides along for the deployer; the read model has it already, per version.
            return fact(event.id(), data, SpecFact.TESTS, at, new TestsCompleted(tests.spec(), tests.version(),
                    tests.attempt(), tests.passed(), tests.sourceDigest(), tests.artifactDigest(), tests.cases(),
                    tests.failure(), tests.logExcerpt(), tests.durationMs(), null, tests.agent()));
        }
        if (data instanceof DeploymentCompleted) {
            return fact(event.id(), data, SpecFact.DEPLOYMENT, at, data);
        }
        if (data instanceof IncidentDetected incident) {
            return fact(event.id(), data, SpecFact.INCIDENT,
                    incident.detectedAt() != null ? incident.detectedAt() : at, data);
        }
        if (data instanceof LedgerEntryRecorded) {
            return fact(event.id(), data, SpecFact.LEDGER, at, data);
        }
        return null;
    }

    private static SpecFact fact(String id, FactoryEvent event, String kind, Instant at, FactoryEvent stored) {
        SpecFact fact = new SpecFact();
        fact.eventId = id;
        fact.name = event.spec();
        fact.version = event.version();
        fact.attempt = event.attempt();
        fact.kind = kind;
        fact.at = at;
        fact.data = Json.writeString(stored);
        return fact;
    }
}
