package dev.gigafactory.deployer.service;

import dev.gigafactory.deployer.domain.DeployerState;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.SpecDeployments;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Which version of each spec the deployer runs, in memory and mirrored to the state file on every change, so a
 * restarted deployer re-adopts its products instead of starting them twice.
 */
public final class ProductRegistry {

    private static final Logger LOG = Logger.getLogger(ProductRegistry.class);
    private static final int REMEMBERED_INCIDENTS = 500;

    private final StateFile file;
    private final ProcessProbe probe;
    private final Map<String, SpecDeployments> specs = new TreeMap<>();
    private final LinkedHashSet<String> handledIncidents = new LinkedHashSet<>();

    public ProductRegistry(StateFile file, ProcessProbe probe) {
        this.file = file;
        this.probe = probe;
    }

    /** Reads the state file; returns the products that are still alive and healthy, now ours again. */
    public synchronized List<Deployment> load() {
        DeployerState state = file.read();
        specs.clear();
        handledIncidents.clear();
        handledIncidents.addAll(state.handledIncidents());
        List<Deployment> adopted = new ArrayList<>();
        state.specs().forEach((spec, known) -> {
            Deployment current = known.current();
            if (current != null && current.running()) {
                if (isStillOurs(current)) {
                    adopted.add(current);
                } else {
                    LOG.infof("%s v%d (pid %d) is gone; not re-adopted", spec, current.version(), current.pid());
                    current = current.stopped();
                }
            }
            Deployment previous = known.previous() == null ? null : known.previous().stopped();
            specs.put(spec, new SpecDeployments(current, previous));
        });
        persist();
        return adopted;
    }

    // A live pid alone could be a stranger that inherited the number: it must also answer where ours did.
    private boolean isStillOurs(Deployment deployment) {
        return probe.alive(deployment.pid()) && probe.healthy(deployment.url());
    }

    public synchronized Optional<Deployment> current(String spec) {
        return Optional.ofNullable(specs.get(spec)).map(SpecDeployments::current);
    }

    public synchronized Optional<Deployment> previous(String spec) {
        return Optional.ofNullable(specs.get(spec)).map(SpecDeployments::previous);
    }

    /** A new version serves; the one it replaced becomes the rollback target. */
    public synchronized void promote(Deployment next) {
        Deployment replaced = current(next.spec()).orElse(null);
        Deployment previous = previous(next.spec()).orElse(null);
        if (replaced != null && !replaced.artifactDigest().equals(next.artifactDigest())) {
            previous = replaced.stopped();
        }
        specs.put(next.spec(), new SpecDeployments(next, previous));
        persist();
    }

    /** The same version again (restarted, stopped, or found dead); the rollback target stays. */
    public synchronized void replace(Deployment current) {
        specs.put(current.spec(), new SpecDeployments(current, previous(current.spec()).orElse(null)));
        persist();
    }

    /** Back on the rollback target; the version rolled back from is never a target itself. */
    public synchronized void rolledBack(Deployment restored) {
        specs.put(restored.spec(), new SpecDeployments(restored, null));
        persist();
    }

    public synchronized boolean isHandled(String incidentId) {
        return handledIncidents.contains(incidentId);
    }

    public synchronized void markHandled(String incidentId) {
        handledIncidents.add(incidentId);
        while (handledIncidents.size() > REMEMBERED_INCIDENTS) {
            handledIncidents.remove(handledIncidents.iterator().next());
        }
        persist();
    }

    public synchronized Map<String, SpecDeployments> snapshot() {
        return Map.copyOf(specs);
    }

    private void persist() {
        file.write(new DeployerState(new TreeMap<>(specs), List.copyOf(handledIncidents)));
    }
}
