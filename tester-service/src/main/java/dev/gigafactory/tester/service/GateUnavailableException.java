package dev.gigafactory.tester.service;

import dev.gigafactory.messaging.Outage;

/**
 * The gate cannot run at all (no sandbox, a full disk, an unwritable work dir, sources missing from the store): an
 * outage of the tester, not a verdict on the code. {@link Outage} makes the record wait — retried with back-off, the
 * partition held, never dead-lettered, no attempt spent — until the gate can run it. {@link #reason()} is stable
 * while the same outage lasts, so announcing it once per reason is enough.
 */
public final class GateUnavailableException extends RuntimeException implements Outage {

    private final String reason;

    public GateUnavailableException(String reason) {
        this(reason, null);
    }

    public GateUnavailableException(String reason, Throwable cause) {
        super("the release gate cannot run: " + reason, cause);
        this.reason = reason;
    }

    /** What the tester waits for, for people: "bubblewrap (bwrap) is not installed: ...". */
    public String reason() {
        return reason;
    }
}
