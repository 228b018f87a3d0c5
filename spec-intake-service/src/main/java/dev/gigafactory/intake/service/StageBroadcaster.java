package dev.gigafactory.intake.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/** Fans committed stage changes out to live subscribers (the Server-Sent Events endpoint). */
@ApplicationScoped
public class StageBroadcaster {

    private final BroadcastProcessor<StageChanged> changes = BroadcastProcessor.create();

    void publish(StageChanged change) {
        changes.onNext(change);
    }

    public Multi<StageChanged> changesOf(String name) {
        return changes.filter(change -> change.name().equals(name));
    }
}
