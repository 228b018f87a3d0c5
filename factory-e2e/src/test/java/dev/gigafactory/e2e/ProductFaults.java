package dev.gigafactory.e2e;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.testsupport.Faults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Faults injected into a fleet's products from outside, as the OS would: a crash, a hang, a version that relapses. */
public final class ProductFaults {

    /** A ladder longer than this is no longer "restart, then something else": the test says so instead of waiting. */
    private static final int MAX_INCIDENTS = 6;

    private ProductFaults() {
    }

    /** kill -9 of the one process serving the version; returns its pid. */
    public static long crash(Fleet fleet, String spec, int version) {
        long pid = FleetProducts.pid(fleet, spec, version);
        Faults.crash(pid);
        return pid;
    }

    /** SIGSTOP of the one process serving the version: it keeps its port and answers nothing. Returns its pid. */
    public static long freeze(Fleet fleet, String spec, int version) {
        long pid = FleetProducts.pid(fleet, spec, version);
        Faults.freeze(pid);
        return pid;
    }

    /**
     * kill -9 of the version now and again each time a restart brings it back, as a version that crashes by itself
     * would, until the monitor decides something other than a restart. Returns the spec's incidents since, oldest
     * first; the last one is that other decision.
     */
    public static List<IncidentDetected> crashAtEveryStart(Fleet fleet, String spec, int version, Duration timeout) {
        List<String> before = FleetWatch.events(fleet, spec, IncidentDetected.class).stream()
                .map(event -> event.data().incidentId()).toList();
        List<IncidentDetected> incidents = new ArrayList<>();
        crash(fleet, spec, version);
        while (incidents.isEmpty() || incidents.get(incidents.size() - 1).action() == Remediation.RESTART) {
            if (incidents.size() >= MAX_INCIDENTS) {
                throw new AssertionError(spec + " v" + version + " is still being restarted: " + incidents);
            }
            IncidentDetected incident = FleetWatch.await(fleet, spec, IncidentDetected.class,
                    candidate -> !before.contains(candidate.incidentId())
                            && incidents.stream().noneMatch(seen -> seen.incidentId().equals(candidate.incidentId())),
                    timeout).data();
            incidents.add(incident);
            if (incident.action() == Remediation.RESTART) {
                DeploymentCompleted restarted = FleetWatch.await(fleet, spec, DeploymentCompleted.class,
                        d -> DeploymentCompleted.restartFor(incident.incidentId()).equals(d.cause()), timeout)
                        .data();
                if (restarted.succeeded()) {
                    crash(fleet, spec, version);
                }
            }
        }
        return incidents;
    }
}
