package dev.gigafactory.monitor.service;

import dev.gigafactory.monitor.domain.Incident;
import dev.gigafactory.monitor.domain.StageProgress;
import dev.gigafactory.monitor.domain.WatchedDeployment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The store as a map, for plain unit tests. */
final class InMemoryStore implements MonitorStore {

    final Map<String, Incident> incidents = new LinkedHashMap<>();
    final Map<String, WatchedDeployment> watched = new LinkedHashMap<>();
    final Map<String, StageProgress> stages = new LinkedHashMap<>();

    @Override
    public void save(Incident incident) {
        incidents.put(incident.id(), incident);
    }

    @Override
    public List<Incident> incidentsSince(Instant since) {
        return incidents.values().stream().filter(i -> !i.detectedAt().isBefore(since)).toList();
    }

    @Override
    public void save(WatchedDeployment deployment) {
        watched.put(deployment.deployment().spec(), deployment);
    }

    @Override
    public void forget(String spec) {
        watched.remove(spec);
    }

    @Override
    public List<WatchedDeployment> watched() {
        return new ArrayList<>(watched.values());
    }

    @Override
    public void save(StageProgress progress) {
        stages.put(progress.spec(), progress);
    }

    @Override
    public List<StageProgress> stages() {
        return new ArrayList<>(stages.values());
    }
}
