package dev.gigafactory.monitor.service;

import dev.gigafactory.monitor.domain.Incident;
import dev.gigafactory.monitor.domain.StageProgress;
import dev.gigafactory.monitor.domain.WatchedDeployment;
import java.time.Instant;
import java.util.List;

/** The monitor's memory, written through on every change so a restarted monitor resumes where it stopped. */
public interface MonitorStore {

    void save(Incident incident);

    /** Every incident detected since {@code since}, oldest first: the ladders are rebuilt from them. */
    List<Incident> incidentsSince(Instant since);

    void save(WatchedDeployment watched);

    List<WatchedDeployment> watched();

    /** The spec was retired: a restarted monitor must not watch it again. */
    void forget(String spec);

    void save(StageProgress progress);

    List<StageProgress> stages();
}
