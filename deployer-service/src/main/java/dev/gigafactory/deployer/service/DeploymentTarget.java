package dev.gigafactory.deployer.service;

import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentFailedException;
import dev.gigafactory.deployer.domain.Release;
import java.util.Optional;

/** Where products run: local processes or a Kubernetes cluster. One current version per spec, at a stable URL. */
public interface DeploymentTarget {

    /** The name DeploymentCompleted carries in {@code target}. */
    String name();

    /** Starts the release; once it is ready, moves the stable URL to it and retires the version it replaces. */
    Deployment deploy(Release release) throws DeploymentFailedException;

    /** Replaces the spec's current version by a fresh instance of itself, at the same stable URL. */
    Deployment restart(String spec, String cause) throws DeploymentFailedException;

    /** Brings back the last good version before the current one; empty when none is known. */
    Optional<Deployment> rollback(String spec, String cause) throws DeploymentFailedException;

    void stop(String spec);

    /** The spec's current version, {@code pid} null when its process is not running. */
    Optional<Deployment> status(String spec);

    /** At start-up: take back what the previous deployer left running. Nothing by default. */
    default void readopt() {
    }

    /** The deployer stops: start nothing from now on; products keep running. */
    default void close() {
    }
}
