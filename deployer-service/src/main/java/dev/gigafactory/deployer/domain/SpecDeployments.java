package dev.gigafactory.deployer.domain;

/** What the deployer knows of one spec: the version it serves now and the last good one before it (for rollback). */
public record SpecDeployments(Deployment current, Deployment previous) {
}
