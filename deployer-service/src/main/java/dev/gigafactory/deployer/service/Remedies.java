package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentFailedException;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The restart or the rollback an incident asks for, and what it says happened. The caller holds the spec's lock. */
final class Remedies {

    private static final Logger LOG = Logger.getLogger(Remedies.class);

    private final DeploymentTarget target;
    private final ProductRegistry registry;
    private final Outcomes outcomes;

    Remedies(DeploymentTarget target, ProductRegistry registry, Outcomes outcomes) {
        this.target = target;
        this.registry = registry;
        this.outcomes = outcomes;
    }

    /**
     * The remediation this incident asks for already serves: a deployer stopped (or a database lost) after making it
     * but before marking the incident handled or announcing it. The redelivered incident says it again, identically,
     * and starts nothing; a replay of a handled incident does the same (the announcement is sent once).
     */
    Optional<DeploymentCompleted> alreadyMade(IncidentDetected incident) {
        String cause = causeOf(incident);
        return registry.servingSince(incident.spec(), cause).map(serving -> outcomes.succeeded(serving,
                because(incident) + Outcomes.started(serving), cause));
    }

    /** Restarts or rolls back; empty when there is nothing to roll back to, or only a retired version. */
    Optional<DeploymentCompleted> apply(IncidentDetected incident) throws DeploymentFailedException {
        String cause = causeOf(incident);
        if (incident.action() == Remediation.RESTART) {
            Deployment restarted = target.restart(incident.spec(), cause);
            return Optional.of(outcomes.succeeded(restarted, because(incident) + Outcomes.started(restarted), cause));
        }
        Optional<Deployment> previous = registry.previous(incident.spec());
        if (previous.filter(known -> registry.isRetired(known.spec(), known.version())).isPresent()) {
            // The version before this one served before the spec was retired and applied again: it stays retired.
            LOG.infof("not rolling %s back from v%d: v%d before it is retired", incident.spec(), incident.version(),
                    previous.get().version());
            return Optional.empty();
        }
        return target.rollback(incident.spec(), cause).map(restored -> outcomes.succeeded(restored,
                because(incident) + Outcomes.started(restored), cause));
    }

    /** What a remediation that could not start says: the version it was for failed, and why. */
    Optional<DeploymentCompleted> failed(IncidentDetected incident, DeploymentFailedException failure) {
        String detail = because(incident) + failure.detail();
        if (incident.action() == Remediation.RESTART) {
            return Optional.of(outcomes.failed(target.status(incident.spec()).orElseThrow().release(), detail,
                    causeOf(incident)));
        }
        return registry.previous(incident.spec()).map(known -> outcomes.failed(known.release(), detail,
                causeOf(incident)));
    }

    private static String causeOf(IncidentDetected incident) {
        return incident.action() == Remediation.RESTART
                ? DeploymentCompleted.restartFor(incident.incidentId())
                : DeploymentCompleted.rollbackFor(incident.incidentId());
    }

    private static String because(IncidentDetected incident) {
        return incident.action() == Remediation.RESTART
                ? "restarted after incident " + incident.incidentId() + " (" + incident.kind() + "): "
                : "rolled back from v" + incident.version() + " after incident " + incident.incidentId() + ": ";
    }
}
