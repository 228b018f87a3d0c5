package dev.gigafactory.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.intake.domain.Stage;
import dev.gigafactory.testsupport.Deployments;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageMappingTest {

    @Test
    void failedTestsMarkTheVersionFailedWithTheReason() {
        TestsCompleted failed = new TestsCompleted("s", 1, 1, false, null, null, List.of(), "step 2: expected 201",
                "", 5, null);

        assertThat(StageMapping.of(failed)).singleElement().satisfies(update -> {
            assertThat(update.stage()).isEqualTo(Stage.FAILED);
            assertThat(update.detail()).contains("expected 201");
        });
    }

    @Test
    void codeItsAgentCouldNotFinishSaysWhy() {
        CodeGenerated unfinished = new CodeGenerated("s", 1, 2, "jdk-http", "llm", "sha256:" + "a".repeat(64), 14,
                null, List.of("requirements"), 1, null, "no reply implemented the requirements: no Java code");

        assertThat(StageMapping.of(unfinished)).singleElement().satisfies(update -> {
            assertThat(update.stage()).isEqualTo(Stage.CODED);
            assertThat(update.detail()).isEqualTo("not finished by llm: no reply implemented the requirements: no "
                    + "Java code");
        });
    }

    @Test
    void aSuccessfulDeploymentIsDeployedThenRunningWithItsUrl() {
        DeploymentCompleted deployed = Deployments.of("s", 1).url("http://127.0.0.1:9").artifact(null).detail("ok")
                .build();

        assertThat(StageMapping.of(deployed)).extracting(StageMapping.StageUpdate::stage)
                .containsExactly(Stage.DEPLOYED, Stage.RUNNING);
        assertThat(StageMapping.of(deployed)).allSatisfy(u -> assertThat(u.url()).isEqualTo("http://127.0.0.1:9"));
    }

    @Test
    void incidentsMeanHealingDegradedOrFailed() {
        assertThat(StageMapping.of(incident(IncidentDetected.Kind.CRASH, IncidentDetected.Remediation.RESTART))
                .get(0).stage()).isEqualTo(Stage.HEALING);
        assertThat(StageMapping.of(incident(IncidentDetected.Kind.SLO_BREACH, IncidentDetected.Remediation.ROLLBACK))
                .get(0).stage()).isEqualTo(Stage.DEGRADED);
        assertThat(StageMapping.of(incident(IncidentDetected.Kind.CRASH, IncidentDetected.Remediation.ESCALATE))
                .get(0).stage()).isEqualTo(Stage.FAILED);
    }

    private static IncidentDetected incident(IncidentDetected.Kind kind, IncidentDetected.Remediation action) {
        return new IncidentDetected("s", 1, 1, "i-1", kind, action, "evidence", Instant.now());
    }
}
