package dev.gigafactory.deployer.repository;

import dev.gigafactory.deployer.domain.DeploymentRecord;
import dev.gigafactory.deployer.domain.SpecState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where the deployer's deployments and their history live, so a restarted deployer re-adopts its products from it.
 * Blocking on purpose: the deployer's work (starting processes) runs on worker threads anyway.
 */
public interface DeploymentStore {

    /** Every spec's current state, by spec name. */
    Map<String, SpecState> load();

    /** In one transaction: the records written (new or ended) and the spec's pointers and stable port. */
    void save(SpecState spec, List<DeploymentRecord> written);

    /** Every record of the spec, oldest first. */
    List<DeploymentRecord> history(String spec);

    boolean isHandled(String incidentId);

    void markHandled(String incidentId);

    /** Versions up to {@code version} of the spec are retired; a retirement covering no more changes nothing. */
    void retire(String spec, int version, String requestId, Instant retiredAt);

    /** The newest retired version of the spec; empty when it was never retired. */
    OptionalInt retiredThrough(String spec);

    /** The newest retired version of every spec ever retired, by spec name. */
    Map<String, Integer> retirements();
}
