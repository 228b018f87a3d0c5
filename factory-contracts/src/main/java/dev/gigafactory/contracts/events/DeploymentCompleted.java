package dev.gigafactory.contracts.events;

import dev.gigafactory.contracts.spec.Slo;

/** A tested artifact is serving at {@code url} (or could not be started, with the reason in {@code detail}). */
public record DeploymentCompleted(String spec, int version, int attempt, boolean succeeded, String url,
        String artifactDigest, String target, Slo slo, String detail) implements FactoryEvent {
}
