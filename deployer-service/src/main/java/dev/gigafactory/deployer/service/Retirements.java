package dev.gigafactory.deployer.service;

import dev.gigafactory.deployer.repository.DeploymentStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which versions of each spec are retired, as the store has them. Every verdict and incident asks, and a query each
 * was 8-14 ms of the deploy hop: read once with the deployer's state and written through, as the registry does with
 * deployments. Before that first read (a registry that re-adopts nothing) the store answers.
 */
final class Retirements {

    private final DeploymentStore store;
    private final Map<String, Integer> retiredThrough = new HashMap<>();
    private boolean loaded;

    Retirements(DeploymentStore store) {
        this.store = store;
    }

    synchronized void load() {
        retiredThrough.clear();
        retiredThrough.putAll(store.retirements());
        loaded = true;
    }

    /** Versions up to {@code version} are retired; returns the newest version now covered. */
    synchronized int retire(String spec, int version, String requestId, Instant retiredAt) {
        store.retire(spec, version, requestId, retiredAt);
        if (loaded) {
            retiredThrough.merge(spec, version, Math::max);
        }
        return through(spec).orElse(version);
    }

    synchronized boolean covers(String spec, int version) {
        return through(spec).stream().anyMatch(through -> version <= through);
    }

    private OptionalInt through(String spec) {
        if (!loaded) {
            return store.retiredThrough(spec);
        }
        Integer through = retiredThrough.get(spec);
        return through == null ? OptionalInt.empty() : OptionalInt.of(through);
    }
}
