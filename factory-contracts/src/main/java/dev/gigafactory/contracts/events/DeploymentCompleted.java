package dev.gigafactory.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.gigafactory.contracts.spec.Slo;

/**
 * A tested artifact is serving at {@code url} (or could not be started, with the reason in {@code detail}).
 * {@code cause} says why it was (re)started: {@link #DEPLOY} for a release, or {@code restart/<incident>} and
 * {@code rollback/<incident>} for a remediation, so that each restart is its own fact with its own event id, while a
 * replay of the same one still repeats its id.
 */
public record DeploymentCompleted(String spec, int version, int attempt, boolean succeeded, String url,
        String artifactDigest, String target, Slo slo, String detail, String cause) implements FactoryEvent {

    public static final String DEPLOY = "deploy";

    public static String restartFor(String incidentId) {
        return "restart/" + incidentId;
    }

    public static String rollbackFor(String incidentId) {
        return "rollback/" + incidentId;
    }

    /** A rollback brings back an older version: every newer one is out of service. Not on the wire: the cause is. */
    @JsonIgnore
    public boolean isRollback() {
        return cause != null && cause.startsWith("rollback/");
    }

    public boolean isRemediation() {
        return cause != null && !DEPLOY.equals(cause);
    }

    @Override
    public String discriminator() {
        return isRemediation() ? cause : "";
    }
}
