package dev.gigafactory.intake.domain;

import java.util.Locale;

/** Where a spec version is in the factory. */
public enum Stage {
    SUBMITTED, ACCEPTED, RETRIED, PLANNED, CODED, WAITING, TESTED, DEPLOYED, RUNNING, DEGRADED, HEALING, FAILED, REJECTED, RETIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stage fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
