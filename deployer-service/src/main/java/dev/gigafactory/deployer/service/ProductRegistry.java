package dev.gigafactory.deployer.service;

import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentRecord;
import dev.gigafactory.deployer.domain.DeploymentState;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.domain.SpecDeployments;
import dev.gigafactory.deployer.domain.SpecState;
import dev.gigafactory.deployer.repository.DeploymentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Which version of each spec the deployer runs, in memory and written through to the store on every change (one
 * transaction per change), so a restarted deployer re-adopts its products instead of starting them twice.
 */
public final class ProductRegistry {

    private final DeploymentStore store;
    private final Map<String, SpecState> specs = new TreeMap<>();
    private final Retirements retirements;

    public ProductRegistry(DeploymentStore store) {
        this.store = store;
        this.retirements = new Retirements(store);
    }

    /** Reads the store: what this deployer (or the one before it) last ran, whether or not it still runs. */
    public synchronized List<SpecState> load() {
        specs.clear();
        specs.putAll(store.load());
        retirements.load();
        return List.copyOf(specs.values());
    }

    public synchronized Optional<Deployment> current(String spec) {
        return Optional.ofNullable(specs.get(spec)).map(SpecState::current).map(DeploymentRecord::deployment);
    }

    public synchronized Optional<Deployment> previous(String spec) {
        return Optional.ofNullable(specs.get(spec)).map(SpecState::previous).map(DeploymentRecord::deployment);
    }

    public synchronized Optional<DeploymentState> state(String spec) {
        return Optional.ofNullable(specs.get(spec)).map(SpecState::current).map(DeploymentRecord::state);
    }

    /** What serves the spec now, if {@code cause} (a remediation) started it: that remediation was already made. */
    public synchronized Optional<Deployment> servingSince(String spec, String cause) {
        return Optional.ofNullable(specs.get(spec)).map(SpecState::current)
                .filter(record -> record.serving() && cause.equals(record.cause())).map(DeploymentRecord::deployment);
    }

    public synchronized Optional<Integer> stablePort(String spec) {
        return Optional.ofNullable(specs.get(spec)).map(SpecState::stablePort);
    }

    /**
     * Written with the spec's next record, not now: a new spec's first deploy would wait for a transaction of its own
     * before its product starts. Until a product serves there nobody has been given the URL, so a port lost with a
     * deployer that stops meanwhile costs nothing.
     */
    public synchronized void rememberStablePort(String spec, int port) {
        specs.put(spec, spec(spec).withStablePort(port));
    }

    /** A new version serves; the one it replaced becomes the rollback target (unless it is the same artifact). */
    public synchronized void promote(Deployment next, String cause) {
        SpecState known = spec(next.spec());
        DeploymentRecord replaced = known.current();
        DeploymentRecord previous = known.previous();
        List<DeploymentRecord> written = new ArrayList<>();
        if (replaced != null) {
            DeploymentRecord ended = end(replaced, DeploymentState.REPLACED, "replaced by v" + next.version());
            written.add(ended);
            if (!replaced.deployment().artifactDigest().equals(next.artifactDigest())) {
                previous = ended;
            }
        }
        DeploymentRecord started = started(next, cause);
        written.add(started);
        save(known.withCurrent(started, previous), written);
    }

    /** A fresh instance of the same version serves; the rollback target stays. */
    public synchronized void restarted(Deployment next, String cause) {
        SpecState known = spec(next.spec());
        List<DeploymentRecord> written = new ArrayList<>();
        if (known.current() != null) {
            written.add(end(known.current(), DeploymentState.RESTARTED, cause));
        }
        DeploymentRecord started = started(next, cause);
        written.add(started);
        save(known.withCurrent(started, known.previous()), written);
    }

    /** Back on the rollback target; the version rolled back from is never a target itself. */
    public synchronized void rolledBack(Deployment restored, String cause) {
        SpecState known = spec(restored.spec());
        List<DeploymentRecord> written = new ArrayList<>();
        if (known.current() != null) {
            written.add(end(known.current(), DeploymentState.ROLLED_BACK, cause));
        }
        DeploymentRecord started = started(restored, cause);
        written.add(started);
        save(known.withCurrent(started, null), written);
    }

    /** The current record ended (crashed, stopped); only if it is still the one with that pid. */
    public synchronized boolean ended(String spec, long pid, DeploymentState state, String evidence) {
        SpecState known = specs.get(spec);
        if (known == null || known.current() == null || !known.current().serving()
                || !Long.valueOf(pid).equals(known.current().deployment().pid())) {
            return false;
        }
        DeploymentRecord ended = end(known.current(), state, evidence);
        save(known.withCurrent(ended, known.previous()), List.of(ended));
        return true;
    }

    /** A version that never became ready: history only, whatever served before keeps serving. */
    public synchronized void failed(Release release, String cause, String evidence) {
        Instant now = Instant.now();
        Deployment never = new Deployment(release.spec(), release.version(), release.attempt(),
                release.artifactDigest(), release.slo(), null, 0, null, release.stack());
        DeploymentRecord failed = new DeploymentRecord(UUID.randomUUID().toString(), never, DeploymentState.FAILED,
                cause, evidence, now, now);
        save(spec(release.spec()), List.of(failed));
    }

    public boolean isHandled(String incidentId) {
        return store.isHandled(incidentId);
    }

    public void markHandled(String incidentId) {
        store.markHandled(incidentId);
    }

    /**
     * The spec is retired: every version up to {@code version} (the newest the retiring party knew) and every version
     * this deployer ever started for it, since the retiring party's view of the newest version may lag behind ours.
     * Returns the newest version now covered.
     */
    public int retire(String spec, int version, String requestId, Instant retiredAt) {
        int covered = Math.max(version, history(spec).stream().mapToInt(r -> r.deployment().version()).max()
                .orElse(0));
        return retirements.retire(spec, covered, requestId, retiredAt);
    }

    /** Whether a retirement covers this version of the spec: it must not run again, whatever asks for it. */
    public boolean isRetired(String spec, int version) {
        return retirements.covers(spec, version);
    }

    public synchronized Map<String, SpecDeployments> snapshot() {
        Map<String, SpecDeployments> view = new TreeMap<>();
        specs.forEach((name, spec) -> view.put(name, SpecDeployments.of(spec)));
        return view;
    }

    public List<DeploymentRecord> history(String spec) {
        return store.history(spec);
    }

    private SpecState spec(String spec) {
        return specs.getOrDefault(spec, new SpecState(spec, null, null, null));
    }

    private void save(SpecState spec, List<DeploymentRecord> written) {
        store.save(spec, written);
        specs.put(spec.spec(), spec);
    }

    private static DeploymentRecord started(Deployment deployment, String cause) {
        return new DeploymentRecord(UUID.randomUUID().toString(), deployment, DeploymentState.SERVING, cause, null,
                Instant.now(), null);
    }

    private static DeploymentRecord end(DeploymentRecord record, DeploymentState state, String evidence) {
        return record.serving() ? record.ended(state, evidence, Instant.now()) : record;
    }
}
