package dev.gigafactory.deployer.service;

import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.Release;
import java.util.Optional;

/** Whether a passed verdict should be deployed, given what already runs for its spec. */
public final class ReleasePolicy {

    public enum Decision {
        /** Start it. */
        DEPLOY,
        /** Exactly this artifact of this version already serves: a redelivered verdict, nothing to start. */
        ALREADY_RUNNING,
        /** Older than what is deployed (a late or replayed verdict): deploying it would roll back by accident. */
        STALE
    }

    private ReleasePolicy() {
    }

    public static Decision decide(Optional<Deployment> current, Release release) {
        if (current.isEmpty()) {
            return Decision.DEPLOY;
        }
        Deployment deployed = current.get();
        if (deployed.serves(release)) {
            return deployed.running() ? Decision.ALREADY_RUNNING : Decision.DEPLOY;
        }
        boolean older = release.version() < deployed.version()
                || release.version() == deployed.version() && release.attempt() < deployed.attempt();
        return older ? Decision.STALE : Decision.DEPLOY;
    }
}
