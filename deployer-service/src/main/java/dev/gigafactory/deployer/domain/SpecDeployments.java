package dev.gigafactory.deployer.domain;

/**
 * The read-only view of one spec: the version it serves now (pid null when its process is gone), the rollback target,
 * the state of the current record and its evidence.
 */
public record SpecDeployments(Deployment current, Deployment previous, DeploymentState state, String detail) {

    public static SpecDeployments of(SpecState spec) {
        DeploymentRecord current = spec.current();
        return new SpecDeployments(current == null ? null : current.deployment(),
                spec.previous() == null ? null : spec.previous().deployment(),
                current == null ? null : current.state(), current == null ? null : current.detail());
    }
}
