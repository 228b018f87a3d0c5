package dev.gigafactory.deployer.repository;

import dev.gigafactory.deployer.domain.DeploymentRecord;
import dev.gigafactory.deployer.domain.SpecState;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/** The store without a database, for plain unit tests: share one instance to play a deployer restart. */
public final class InMemoryDeploymentStore implements DeploymentStore {

    private final Map<String, SpecState> specs = new TreeMap<>();
    private final Map<String, DeploymentRecord> records = new LinkedHashMap<>();
    private final Set<String> handled = new HashSet<>();
    private final Map<String, Integer> retired = new HashMap<>();

    @Override
    public synchronized Map<String, SpecState> load() {
        return Map.copyOf(specs);
    }

    @Override
    public synchronized void save(SpecState spec, List<DeploymentRecord> written) {
        written.forEach(record -> records.put(record.id(), record));
        specs.put(spec.spec(), spec);
    }

    @Override
    public synchronized List<DeploymentRecord> history(String spec) {
        return records.values().stream().filter(r -> r.deployment().spec().equals(spec))
                .sorted(Comparator.comparing(DeploymentRecord::startedAt)).toList();
    }

    @Override
    public synchronized boolean isHandled(String incidentId) {
        return handled.contains(incidentId);
    }

    @Override
    public synchronized void markHandled(String incidentId) {
        handled.add(incidentId);
    }

    @Override
    public synchronized void retire(String spec, int version, String requestId, Instant retiredAt) {
        retired.merge(spec, version, Math::max);
    }

    @Override
    public synchronized OptionalInt retiredThrough(String spec) {
        Integer version = retired.get(spec);
        return version == null ? OptionalInt.empty() : OptionalInt.of(version);
    }

    @Override
    public synchronized Map<String, Integer> retirements() {
        return Map.copyOf(retired);
    }
}
