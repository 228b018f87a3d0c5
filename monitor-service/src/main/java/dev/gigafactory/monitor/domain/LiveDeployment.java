package dev.gigafactory.monitor.domain;

/** Where a spec's newest successfully deployed version serves. */
public record LiveDeployment(String spec, int version, int attempt, String url) {
}
