package dev.gigafactory.deployer.service;

import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentFailedException;
import dev.gigafactory.deployer.domain.Release;
import java.util.Optional;

/** Where products run: local processes now, a cluster later. One current version per spec. */
public interface DeploymentTarget {

    /** The name DeploymentCompleted carries in {@code target}. */
    String name();

    /** Starts the release; once it is healthy, stops the version it replaces (new first, then old). */
    Deployment deploy(Release release) throws DeploymentFailedException;

    /** Stops (if still running) and starts again the spec's current version. */
    Deployment restart(String spec) throws DeploymentFailedException;

    /** Starts the last good version before the current one and stops the current; empty when none is known. */
    Optional<Deployment> rollback(String spec) throws DeploymentFailedException;

    void stop(String spec);

    /** The spec's current version, {@code pid} null when its process is not running. */
    Optional<Deployment> status(String spec);
}
