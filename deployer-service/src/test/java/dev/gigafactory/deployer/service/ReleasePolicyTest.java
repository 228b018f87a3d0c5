package dev.gigafactory.deployer.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.service.ReleasePolicy.Decision;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleasePolicyTest {

    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);

    @Test
    void deploysTheFirstVersionOfASpec() {
        assertThat(ReleasePolicy.decide(Optional.empty(), release(1, 1, A))).isEqualTo(Decision.DEPLOY);
    }

    @Test
    void startsNothingForTheArtifactThatAlreadyServes() {
        assertThat(ReleasePolicy.decide(running(2, 1, A), release(2, 1, A))).isEqualTo(Decision.ALREADY_RUNNING);
    }

    @Test
    void startsTheSameArtifactAgainWhenItsProcessIsGone() {
        Optional<Deployment> gone = running(2, 1, A).map(Deployment::stopped);
        assertThat(ReleasePolicy.decide(gone, release(2, 1, A))).isEqualTo(Decision.DEPLOY);
    }

    @Test
    void deploysANewerVersionOrANewerAttemptOfTheSameVersion() {
        assertThat(ReleasePolicy.decide(running(2, 1, A), release(3, 1, B))).isEqualTo(Decision.DEPLOY);
        assertThat(ReleasePolicy.decide(running(2, 1, A), release(2, 2, B))).isEqualTo(Decision.DEPLOY);
    }

    @Test
    void neverRollsBackByAccidentOnALateVerdict() {
        assertThat(ReleasePolicy.decide(running(2, 1, A), release(1, 3, B))).isEqualTo(Decision.STALE);
        assertThat(ReleasePolicy.decide(running(2, 2, A), release(2, 1, B))).isEqualTo(Decision.STALE);
    }

    private static Release release(int version, int attempt, String digest) {
        return new Release("todo", version, attempt, digest, Slo.DEFAULT);
    }

    private static Optional<Deployment> running(int version, int attempt, String digest) {
        return Optional.of(new Deployment("todo", version, attempt, digest, Slo.DEFAULT, 42L, 8080,
                "http://127.0.0.1:8080"));
    }
}
