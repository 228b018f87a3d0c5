package dev.gigafactory.intake.service;

import dev.gigafactory.intake.domain.StageChange;
import java.time.Instant;

/** A stage change as people see it (timeline entries and Server-Sent Events). */
public record StageChanged(String name, int version, String stage, Instant at, String event, String eventId,
        String detail, String url) {

    public static StageChanged of(StageChange change, String url) {
        return new StageChanged(change.name, change.version, change.stage, change.at, change.eventType,
                change.eventId, change.detail, url);
    }
}
