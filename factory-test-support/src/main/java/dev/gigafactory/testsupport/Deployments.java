package dev.gigafactory.testsupport;

import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.spec.Slo;
import java.nio.charset.StandardCharsets;

/**
 * {@link DeploymentCompleted} events as the deployer writes them: a first deploy that succeeded, on the local target,
 * with the default SLO, unless the test says otherwise.
 */
public final class Deployments {

    private final String spec;
    private final int version;
    private int attempt = 1;
    private boolean succeeded = true;
    private String url = "http://127.0.0.1:1";
    private String artifactDigest;
    private String target = "local";
    private Slo slo = Slo.DEFAULT;
    private String detail = "started";
    private String cause = DeploymentCompleted.DEPLOY;

    private Deployments(String spec, int version) {
        this.spec = spec;
        this.version = version;
        this.artifactDigest = Digests.sha256(spec.getBytes(StandardCharsets.UTF_8));
    }

    /** A successful first deploy of this version. */
    public static Deployments of(String spec, int version) {
        return new Deployments(spec, version);
    }

    /** The same, already built, serving at {@code url}. */
    public static DeploymentCompleted deployed(String spec, int version, String url) {
        return of(spec, version).url(url).build();
    }

    public Deployments attempt(int newAttempt) {
        this.attempt = newAttempt;
        return this;
    }

    public Deployments url(String newUrl) {
        this.url = newUrl;
        return this;
    }

    /** A deploy that did not start: no url, {@code reason} as its detail. */
    public Deployments failed(String reason) {
        this.succeeded = false;
        this.url = null;
        this.detail = reason;
        return this;
    }

    public Deployments artifact(String digest) {
        this.artifactDigest = digest;
        return this;
    }

    public Deployments target(String newTarget) {
        this.target = newTarget;
        return this;
    }

    public Deployments slo(Slo newSlo) {
        this.slo = newSlo;
        return this;
    }

    public Deployments detail(String newDetail) {
        this.detail = newDetail;
        return this;
    }

    /** Why it was (re)started: {@link DeploymentCompleted#DEPLOY}, a restart or a rollback for an incident. */
    public Deployments cause(String newCause) {
        this.cause = newCause;
        return this;
    }

    public DeploymentCompleted build() {
        return new DeploymentCompleted(spec, version, attempt, succeeded, url, artifactDigest, target, slo, detail,
                cause);
    }
}
