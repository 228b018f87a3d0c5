package dev.gigafactory.tester.service;

import dev.gigafactory.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the gate needs before it may start a run: a working sandbox, a writable work dir with room on its disk, and
 * the artifact store answering for the records in hand. Each missing one is named (key: what, value: why), for the
 * readiness check and for the {@code TestsWaiting} a waiting record announces. Looked at again at most once a
 * second: both a readiness poll and a waiting record's retries ask often, and an operator's fix shows up within that.
 */
public final class GateConditions {

    private static final long RECHECK_NANOS = 1_000_000_000L;
    // A record retries every 2 s at most while it waits; one not seen for longer was handed back or given up.
    private static final long RECORD_OUTAGE_NANOS = 10_000_000_000L;
    private static final long MIB = 1024L * 1024;

    private final Sandbox sandbox;
    private final Path workDir;
    private final long minFreeDiskMib;
    private final Map<String, RecordOutage> recordOutages = new ConcurrentHashMap<>();
    private Map<String, String> problems;
    private long checkedAt;

    private record RecordOutage(String reason, long seenAt) {
    }

    public GateConditions(Sandbox sandbox, Path workDir, long minFreeDiskMib) {
        this.sandbox = sandbox;
        this.workDir = workDir.toAbsolutePath().normalize();
        this.minFreeDiskMib = minFreeDiskMib;
    }

    /** Empty when the gate can run; otherwise each reason it cannot, in a stable order. */
    public Map<String, String> problems() {
        Map<String, String> found = new LinkedHashMap<>(machineProblems(false));
        long now = System.nanoTime();
        recordOutages.values().removeIf(outage -> now - outage.seenAt() > RECORD_OUTAGE_NANOS);
        recordOutages.values().stream().map(RecordOutage::reason).sorted().findFirst()
                .ifPresent(reason -> found.put("artifacts", reason));
        return found;
    }

    /** Free MiB under the work dir, or -1 when it cannot be told. */
    public long freeDiskMib() {
        try {
            return Files.getFileStore(workDir).getUsableSpace() / MIB;
        } catch (IOException | SecurityException e) {
            return -1;
        }
    }

    /** The sandbox, the work dir and the disk; {@code fresh} skips the cache (after a failure, to tell why). */
    synchronized Map<String, String> machineProblems(boolean fresh) {
        long now = System.nanoTime();
        if (fresh || problems == null || now - checkedAt >= RECHECK_NANOS) {
            problems = check(fresh);
            checkedAt = now;
        }
        return problems;
    }

    /** A record waits for something of its own (its sources not in the store): shown until it stops retrying. */
    void recordWaiting(String runKey, String reason) {
        recordOutages.put(runKey, new RecordOutage(reason, System.nanoTime()));
    }

    void recordCanRun(String runKey) {
        recordOutages.remove(runKey);
    }

    private Map<String, String> check(boolean fresh) {
        Map<String, String> found = new LinkedHashMap<>();
        sandbox.unavailable(fresh).ifPresent(reason -> found.put("sandbox", reason));
        String work = unwritable();
        if (work != null) {
            found.put("workDir", work);
        } else {
            long free = freeDiskMib();
            if (free >= 0 && free < minFreeDiskMib) {
                // no figure in the reason: it must stay the same while the outage lasts (one announcement per reason)
                found.put("disk", "less than " + minFreeDiskMib + " MiB free under " + workDir);
            }
        }
        return Collections.unmodifiableMap(found);
    }

    private String unwritable() {
        try {
            Files.createDirectories(workDir);
            Path probe = Files.createTempFile(workDir, ".gate-", ".tmp");
            Files.delete(probe);
            return null;
        } catch (IOException | SecurityException e) {
            return "the work dir " + workDir + " is not writable: " + e;
        }
    }
}
