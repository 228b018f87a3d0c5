package dev.gigafactory.deployer.domain;

import java.time.Instant;

/**
 * One start of one version, as the history keeps it: the deployment, why it was started, how it ended and the evidence
 * (exit code, log tail) when it ended badly. The id is assigned here, so a record can be written again idempotently.
 */
public record DeploymentRecord(String id, Deployment deployment, DeploymentState state, String cause, String detail,
        Instant startedAt, Instant stoppedAt) {

    public DeploymentRecord ended(DeploymentState finalState, String evidence, Instant at) {
        return new DeploymentRecord(id, deployment.stopped(), finalState, cause, evidence, startedAt, at);
    }

    public boolean serving() {
        return state == DeploymentState.SERVING;
    }
}
