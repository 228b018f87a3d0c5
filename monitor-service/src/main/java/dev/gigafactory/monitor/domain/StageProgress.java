package dev.gigafactory.monitor.domain;

import java.time.Instant;

/** The pipeline stage a spec's newest version last reached, and when; a terminal stage is never stuck. */
public record StageProgress(String spec, int version, String stage, Instant changedAt, boolean terminal) {
}
