package dev.gigafactory.operator.testing;

import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecRejected;
import dev.gigafactory.contracts.events.Submission;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.contracts.validation.Problem;
import dev.gigafactory.testsupport.Deployments;
import java.time.Instant;
import java.util.List;

/** The pipeline's events for one spec version, as the stages publish them (payloads cut to what status reads). */
public final class Events {

    private Events() {
    }

    public static SpecAccepted accepted(String spec, int version) {
        return new SpecAccepted(spec, version, 0, "sha256:doc", null, List.of(), Instant.now());
    }

    public static SpecRejected rejected(String spec, String pointer, String message) {
        return new SpecRejected(spec, 0, 0, List.of(Problem.at(pointer, message)),
                Submission.fromTopic(Topics.SPECS_SUBMITTED, 0, 42), Instant.now());
    }

    public static PlanCreated planned(String spec, int version) {
        return new PlanCreated(spec, version, 1, PlanCreated.PlanKind.INITIAL, null, List.of(), List.of(), null,
                null);
    }

    public static CodeGenerated coded(String spec, int version) {
        return new CodeGenerated(spec, version, 1, "jdk-http", "templates", "sha256:src", 12, null);
    }

    public static TestsCompleted tested(String spec, int version) {
        return new TestsCompleted(spec, version, 1, true, "sha256:src", "sha256:jar", List.of(), null, null, 10,
                null);
    }

    public static DeploymentCompleted deployed(String spec, int version, String url) {
        return Deployments.of(spec, version).url(url).artifact("sha256:jar").target("kubernetes").slo(null).detail(null)
                .build();
    }

    public static IncidentDetected crashed(String spec, int version) {
        return new IncidentDetected(spec, version, 1, "incident-1", IncidentDetected.Kind.CRASH,
                IncidentDetected.Remediation.RESTART, "health probe refused", Instant.now());
    }
}
