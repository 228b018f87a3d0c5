package dev.gigafactory.deployer.domain;

/**
 * What the deployer knows of one spec: the record behind its stable URL now, the last good one before it (the
 * rollback target, used once), and the stable port its URL lives on (allocated once, kept across deployer restarts).
 */
public record SpecState(String spec, DeploymentRecord current, DeploymentRecord previous, Integer stablePort) {

    public SpecState withCurrent(DeploymentRecord newCurrent, DeploymentRecord newPrevious) {
        return new SpecState(spec, newCurrent, newPrevious, stablePort);
    }

    public SpecState withStablePort(int port) {
        return new SpecState(spec, current, previous, port);
    }
}
