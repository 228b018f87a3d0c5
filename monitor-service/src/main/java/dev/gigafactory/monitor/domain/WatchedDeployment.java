package dev.gigafactory.monitor.domain;

import dev.gigafactory.contracts.spec.Slo;

/** What the monitor remembers of a spec across its own restarts: where it serves, its SLO, its last good version. */
public record WatchedDeployment(LiveDeployment deployment, Slo slo, Integer lastGoodVersion) {
}
