package dev.gigafactory.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.monitor.domain.LadderPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemediationLadderTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final LadderPolicy POLICY = new LadderPolicy(2, Duration.ofMinutes(10), 4, Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    private final RemediationLadder ladder = new RemediationLadder(POLICY);

    @Test
    void repeatedCrashesClimbRestartRestartRollbackReplanEscalate() {
        Instant at = T0;
        for (Remediation expected : new Remediation[]{Remediation.RESTART, Remediation.RESTART,
                Remediation.ROLLBACK, Remediation.REPLAN, Remediation.ESCALATE}) {
            at = ladder.notBefore().isAfter(at) ? ladder.notBefore() : at;
            assertThat(ladder.next(Kind.CRASH, true, at)).contains(expected);
            ladder.taken(expected, at);
        }
        assertThat(ladder.escalated()).isTrue();
        assertThat(ladder.next(Kind.CRASH, true, at.plusSeconds(3600))).as("a human owns it now").isEmpty();
    }

    @Test
    void withoutAGoodVersionToGoBackToTheLadderSkipsTheRollback() {
        ladder.taken(Remediation.RESTART, T0);
        ladder.taken(Remediation.RESTART, T0.plusSeconds(5));

        assertThat(ladder.next(Kind.CRASH, false, T0.plusSeconds(60))).contains(Remediation.REPLAN);
    }

    @Test
    void restartsLongAgoDoNotCountAgainstTheWindow() {
        ladder.taken(Remediation.RESTART, T0);
        ladder.taken(Remediation.RESTART, T0.plusSeconds(5));

        assertThat(ladder.next(Kind.CRASH, true, T0.plusSeconds(11 * 60))).contains(Remediation.RESTART);
    }

    @Test
    void backoffDoublesBetweenActionsUpToItsCap() {
        assertThat(ladder.next(Kind.CRASH, true, T0)).as("the first action is immediate").isPresent();
        ladder.taken(Remediation.RESTART, T0);
        assertThat(ladder.next(Kind.CRASH, true, T0.plusMillis(999))).isEmpty();
        assertThat(ladder.next(Kind.CRASH, true, T0.plusSeconds(1))).isPresent();
        ladder.taken(Remediation.RESTART, T0.plusSeconds(1));
        assertThat(ladder.notBefore()).isEqualTo(T0.plusSeconds(3));
        assertThat(POLICY.backoffAfter(10)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theBudgetCapsTheAutomatedActions() {
        LadderPolicy tight = new LadderPolicy(5, Duration.ofMinutes(10), 2, Duration.ZERO, Duration.ZERO);
        RemediationLadder small = new RemediationLadder(tight);
        small.taken(Remediation.RESTART, T0);
        small.taken(Remediation.RESTART, T0);

        assertThat(small.next(Kind.CRASH, true, T0)).contains(Remediation.ESCALATE);
    }

    @Test
    void aStuckStageIsReplannedOnceThenEscalated() {
        assertThat(ladder.next(Kind.STUCK, true, T0)).contains(Remediation.REPLAN);
        ladder.taken(Remediation.REPLAN, T0);

        assertThat(ladder.next(Kind.STUCK, true, T0.plusSeconds(60))).contains(Remediation.ESCALATE);
    }

    @Test
    void aLostAnnouncementIsForgottenSoTheSameRungIsTriedAgain() {
        ladder.taken(Remediation.RESTART, T0);
        ladder.taken(Remediation.RESTART, T0);
        ladder.taken(Remediation.ROLLBACK, T0);

        ladder.forget(Remediation.ROLLBACK);

        assertThat(ladder.next(Kind.CRASH, true, T0.plusSeconds(60))).isEqualTo(Optional.of(Remediation.ROLLBACK));
    }
}
