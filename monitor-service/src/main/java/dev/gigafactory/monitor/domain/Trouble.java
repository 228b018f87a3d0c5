package dev.gigafactory.monitor.domain;

import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import java.time.Instant;

/** Something wrong with a spec version, as seen now, and since when: the raw material of an incident. */
public record Trouble(String spec, int version, int attempt, Kind kind, String evidence, Instant since) {
}
