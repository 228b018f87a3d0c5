package dev.gigafactory.monitor.domain;

/** What one GET /health saw: healthy, or what went wrong in words fit for an incident's evidence. */
public record ProbeResult(boolean healthy, boolean refused, String observation) {

    public static ProbeResult up() {
        return new ProbeResult(true, false, "200");
    }

    /** Nothing listens: the process is gone. */
    public static ProbeResult connectionRefused() {
        return new ProbeResult(false, true, "connection refused");
    }

    /** The stable URL's proxy answered that nothing accepts connections behind it: the process is gone. */
    public static ProbeResult refusedBehindProxy(String observation) {
        return new ProbeResult(false, true, observation);
    }

    /** Something listens but does not answer well (error status, timeout, broken connection). */
    public static ProbeResult unhealthy(String observation) {
        return new ProbeResult(false, false, observation);
    }
}
