package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.TestsCompleted;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps a redelivered {@code CodeGenerated} from costing a second test run. A duplicate that arrives while the first
 * is still running is dropped (the first one will publish); one that arrives later gets the remembered verdict back,
 * which the publisher knows it announced already. A run that threw is forgotten, so a retry runs again.
 */
public final class RunRegistry {

    private final int capacity;
    private final Map<String, Optional<TestsCompleted>> runs;

    public RunRegistry(int capacity) {
        this.capacity = capacity;
        this.runs = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<TestsCompleted>> eldest) {
                return size() > RunRegistry.this.capacity && eldest.getValue().isPresent();
            }
        };
    }

    /** The same spec, version, attempt and sources are the same run, whatever the record's offset. */
    public static String keyOf(CodeGenerated code) {
        return String.join("\u0000", code.spec(), Integer.toString(code.version()), Integer.toString(code.attempt()),
                String.valueOf(code.sourceDigest()));
    }

    /** The verdict to publish, or empty when the same run is in flight elsewhere and will publish it. */
    public Optional<TestsCompleted> runOnce(CodeGenerated code, Supplier<TestsCompleted> run) {
        String key = keyOf(code);
        synchronized (runs) {
            Optional<TestsCompleted> known = runs.get(key);
            if (known != null) {
                return known;
            }
            runs.put(key, Optional.empty());
        }
        try {
            TestsCompleted verdict = run.get();
            synchronized (runs) {
                runs.put(key, Optional.of(verdict));
            }
            return Optional.of(verdict);
        } catch (RuntimeException | Error e) {
            synchronized (runs) {
                runs.remove(key);
            }
            throw e;
        }
    }
}
