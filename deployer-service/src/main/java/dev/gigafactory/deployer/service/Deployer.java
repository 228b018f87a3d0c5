package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentFailedException;
import dev.gigafactory.deployer.domain.Release;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Turns passed verdicts into running versions and incidents into restarts or rollbacks; says what happened as the
 * DeploymentCompleted to publish (empty when there is nothing to say).
 */
public final class Deployer {

    private static final Logger LOG = Logger.getLogger(Deployer.class);

    private final DeploymentTarget target;
    private final ProductRegistry registry;
    private final Outcomes outcomes;
    private final Remedies remedies;
    // One spec's verdicts and incidents arrive on two channels; they must not start its processes concurrently.
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    public Deployer(DeploymentTarget target, ProductRegistry registry) {
        this.target = target;
        this.registry = registry;
        this.outcomes = new Outcomes(target);
        this.remedies = new Remedies(target, registry, outcomes);
    }

    /**
     * A redelivered verdict for what already runs re-publishes the identical event (same deterministic id, same
     * detail), so a deployer that died between starting and publishing still gets the news out.
     */
    public Optional<DeploymentCompleted> onTestsCompleted(TestsCompleted verdict) {
        if (!verdict.passed()) {
            return Optional.empty(); // the planner repairs failed verdicts
        }
        Release release = Release.of(verdict);
        synchronized (lockOf(release.spec())) {
            if (registry.isRetired(release.spec(), release.version())) {
                // A verdict still in flight when the spec was retired (another topic: no order with the retirement).
                LOG.infof("ignoring %s v%d attempt %d: the spec is retired", release.spec(), release.version(),
                        release.attempt());
                return Optional.empty();
            }
            Optional<Deployment> current = target.status(release.spec());
            return switch (ReleasePolicy.decide(current, release)) {
                case STALE -> {
                    LOG.infof("ignoring %s v%d attempt %d: v%d is deployed", release.spec(), release.version(),
                            release.attempt(), current.get().version());
                    yield Optional.empty();
                }
                case ALREADY_RUNNING -> Optional.of(outcomes.succeeded(current.get(),
                        Outcomes.started(current.get()), DeploymentCompleted.DEPLOY));
                case DEPLOY -> Optional.of(deploy(release));
            };
        }
    }

    public Optional<DeploymentCompleted> onIncident(IncidentDetected incident) {
        if (incident.action() != Remediation.RESTART && incident.action() != Remediation.ROLLBACK) {
            return Optional.empty(); // replanning is the planner's, escalation is for people
        }
        if (shuttingDown) {
            // A product seen dying while the fleet goes down is being stopped on purpose: restarting it would leave
            // an orphan. Not marked handled: the monitor raises it again if it is still down once we are back.
            LOG.infof("shutting down: not acting on incident %s", incident.incidentId());
            return Optional.empty();
        }
        synchronized (lockOf(incident.spec())) {
            if (registry.isRetired(incident.spec(), incident.version())) {
                // Seen dying because it was retired, or raised just before: a remediation would bring it back.
                LOG.infof("ignoring incident %s: %s v%d is retired", incident.incidentId(), incident.spec(),
                        incident.version());
                registry.markHandled(incident.incidentId());
                return Optional.empty();
            }
            Optional<DeploymentCompleted> made = remedies.alreadyMade(incident);
            if (made.isPresent()) {
                registry.markHandled(incident.incidentId());
                return made;
            }
            if (registry.isHandled(incident.incidentId())) {
                return Optional.empty();
            }
            Optional<Deployment> current = target.status(incident.spec());
            Optional<DeploymentCompleted> outcome = Optional.empty();
            if (current.isPresent() && current.get().version() == incident.version()) {
                outcome = remedy(incident);
            } else {
                LOG.infof("ignoring incident %s: %s v%d is not the deployed version", incident.incidentId(),
                        incident.spec(), incident.version());
            }
            registry.markHandled(incident.incidentId());
            return outcome;
        }
    }

    private DeploymentCompleted deploy(Release release) {
        try {
            Deployment deployed = target.deploy(release);
            return outcomes.succeeded(deployed, Outcomes.started(deployed), DeploymentCompleted.DEPLOY);
        } catch (DeploymentFailedException e) {
            handBackIfStopping(release.spec(), e);
            LOG.warnf("%s v%d did not start: %s", release.spec(), release.version(), e.getMessage());
            String detail = e.detail() + keepsServing(release.spec());
            registry.failed(release, DeploymentCompleted.DEPLOY, detail);
            return outcomes.failed(release, detail, DeploymentCompleted.DEPLOY);
        }
    }

    private Optional<DeploymentCompleted> remedy(IncidentDetected incident) {
        try {
            return remedies.apply(incident);
        } catch (DeploymentFailedException e) {
            handBackIfStopping(incident.spec(), e);
            return remedies.failed(incident, e);
        }
    }

    /**
     * The spec left the factory: its product stops and its target forgets it (nothing is announced). Remembered first,
     * so that no late verdict or remediation for a version it covers starts the product again.
     */
    public void retire(SpecRetired retired) {
        synchronized (lockOf(retired.spec())) {
            Instant at = retired.retiredAt() == null ? Instant.now() : retired.retiredAt();
            int covered = registry.retire(retired.spec(), retired.version(), retired.requestId(), at);
            LOG.infof("%s is retired up to v%d (%s): stopping its product", retired.spec(), covered,
                    retired.requestedBy());
            target.stop(retired.spec());
        }
    }

    /** The deployer stops: incidents are no longer acted on (see onIncident). */
    public void shutdown() {
        shuttingDown = true;
    }

    /**
     * A start that failed while the deployer stops failed because of the stop (the fleet's signal reaches the products
     * too): announcing it would fail a healthy version for good. The record is handed back and redone after the
     * restart instead.
     */
    private void handBackIfStopping(String spec, DeploymentFailedException failure) {
        if (shuttingDown) {
            throw new IllegalStateException("the deployer is stopping: the start of " + spec
                    + " failed with it and is not announced (" + failure.getMessage() + ")", failure);
        }
    }

    // The automatic rollback of a version that never got ready is simply never switching to it: say who serves.
    private String keepsServing(String spec) {
        return target.status(spec).filter(Deployment::running)
                .map(d -> "\nrolled back automatically: v" + d.version() + " keeps serving at " + d.url())
                .orElse("");
    }

    private Object lockOf(String spec) {
        return locks.computeIfAbsent(spec, name -> new Object());
    }
}
