package dev.gigafactory.intake.service;

import dev.gigafactory.intake.domain.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The pipeline row of one version: each stage on the way to running, when it was reached, what the hop took. */
public final class PipelineHops {

    static final List<Stage> ROW = List.of(Stage.SUBMITTED, Stage.ACCEPTED, Stage.PLANNED, Stage.CODED, Stage.TESTED,
            Stage.DEPLOYED, Stage.RUNNING);

    private PipelineHops() {
    }

    /**
     * Each stage counts from the first time it was reached after the stage before it, so a repair round (tests failed,
     * planned again) shows up as a longer hop rather than as time running backwards.
     */
    public static List<ConsoleViews.Hop> of(List<StageChanged> timeline) {
        List<ConsoleViews.Hop> hops = new ArrayList<>();
        Instant previous = null;
        boolean reached = true;
        for (Stage stage : ROW) {
            Instant at = reached ? firstAtOrAfter(timeline, stage.wireName(), previous) : null;
            if (at == null) {
                reached = false;
                hops.add(new ConsoleViews.Hop(stage.wireName(), null, null));
                continue;
            }
            Long took = previous == null ? null : Duration.between(previous, at).toMillis();
            hops.add(new ConsoleViews.Hop(stage.wireName(), at, took));
            previous = at;
        }
        return hops;
    }

    private static Instant firstAtOrAfter(List<StageChanged> timeline, String stage, Instant after) {
        return timeline.stream()
                .filter(change -> change.stage().equals(stage) && (after == null || !change.at().isBefore(after)))
                .map(StageChanged::at).min(Instant::compareTo).orElse(null);
    }
}
