package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.events.CodeGenerated;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The gate's side of the artifact store: the sources it tests, and the jar that passed. A store it cannot read or
 * write is the tester's outage, not the product's: the run waits ({@link GateUnavailableException}), its attempt
 * unspent, and the reason is the one {@link GateConditions} reports.
 */
final class GateStore {

    private final ArtifactStore store;
    private final GateConditions conditions;

    GateStore(ArtifactStore store, GateConditions conditions) {
        this.store = store;
        this.conditions = conditions;
    }

    // The coder stores the sources before it announces them, so a digest the store does not have means the store is
    // not (yet) the one the coder wrote to: a shared volume not mounted, a replica behind. Wait for it.
    byte[] sources(CodeGenerated code) {
        String runKey = RunRegistry.keyOf(code);
        String reason;
        Throwable cause = null;
        try {
            byte[] packed = store.get(code.sourceDigest()).orElse(null);
            if (packed != null) {
                conditions.recordCanRun(runKey);
                return packed;
            }
            reason = "source tree " + code.sourceDigest() + " is not in the artifact store";
        } catch (UncheckedIOException e) {
            reason = "the artifact store cannot be read: " + e.getMessage();
            cause = e;
        }
        conditions.recordWaiting(runKey, reason);
        throw new GateUnavailableException(reason, cause);
    }

    /** A jdk-http product's jar, packed in memory (tens of kilobytes). */
    String storeJar(CodeGenerated code, byte[] jar) {
        return storing(code, () -> store.put(jar));
    }

    /** A jar built on disk, streamed: a quarkus product's is ~50 MB. */
    String storeJar(CodeGenerated code, Path jar) {
        return storing(code, () -> store.putFile(jar));
    }

    // The verdict is sound but cannot be honoured without its jar: run it again once the store takes writes.
    private String storing(CodeGenerated code, Supplier<String> put) {
        try {
            return put.get();
        } catch (UncheckedIOException e) {
            String reason = "the artifact store cannot take the jar: " + e.getMessage();
            conditions.recordWaiting(RunRegistry.keyOf(code), reason);
            throw new GateUnavailableException(reason, e);
        }
    }
}
