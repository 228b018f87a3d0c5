package dev.gigafactory.deployer.domain;

import dev.gigafactory.contracts.spec.ServiceDefinition;
import dev.gigafactory.contracts.spec.Slo;

/**
 * One version of a spec as the deployer last ran it. {@code pid} is null when no process of ours is serving it (it
 * crashed, was stopped, or was gone when the deployer started again). {@code port} is the product's private port;
 * {@code url} the spec's stable URL, served by the deployer's proxy (or the cluster Service), whatever version runs.
 */
public record Deployment(String spec, int version, int attempt, String artifactDigest, Slo slo, Long pid, int port,
        String url, String stack) {

    public Deployment {
        stack = stack == null ? ServiceDefinition.DEFAULT_STACK : stack;
    }

    /** A jdk-http product's deployment. */
    public Deployment(String spec, int version, int attempt, String artifactDigest, Slo slo, Long pid, int port,
            String url) {
        this(spec, version, attempt, artifactDigest, slo, pid, port, url, ServiceDefinition.DEFAULT_STACK);
    }

    public boolean running() {
        return pid != null;
    }

    public Deployment stopped() {
        return new Deployment(spec, version, attempt, artifactDigest, slo, null, port, url, stack);
    }

    public Deployment at(String stableUrl) {
        return new Deployment(spec, version, attempt, artifactDigest, slo, pid, port, stableUrl, stack);
    }

    /** Where the product itself listens, behind the proxy. */
    public String privateUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Release release() {
        return new Release(spec, version, attempt, artifactDigest, slo, stack);
    }

    public boolean serves(Release release) {
        return version == release.version() && artifactDigest.equals(release.artifactDigest());
    }
}
