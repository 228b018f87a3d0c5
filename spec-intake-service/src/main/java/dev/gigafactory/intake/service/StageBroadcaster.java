package dev.gigafactory.intake.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/** Fans committed stage changes out to live subscribers (the Server-Sent Events endpoint). */
@ApplicationScoped
public class StageBroadcaster {

    // A stream's subscriber asks for one item at a time, while one event can commit several changes at once (deployed
    // and running): without a buffer per subscriber, the processor fails the stream when the second one arrives.
    private static final int BUFFERED = 1024;

    private final BroadcastProcessor<StageChanged> changes = BroadcastProcessor.create();

    void publish(StageChanged change) {
        changes.onNext(change);
    }

    /** Every spec's changes: the console's list follows them all. */
    public Multi<StageChanged> all() {
        return changes.onOverflow().buffer(BUFFERED);
    }

    public Multi<StageChanged> changesOf(String name) {
        return changes.filter(change -> change.name().equals(name)).onOverflow().buffer(BUFFERED);
    }
}
