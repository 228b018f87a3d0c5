package dev.gigafactory.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineHopsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void eachReachedStageSaysHowLongItsHopTook() {
        List<ConsoleViews.Hop> hops = PipelineHops.of(List.of(at("submitted", 0), at("accepted", 50),
                at("planned", 1_050), at("coded", 3_050)));

        assertThat(hops).extracting(ConsoleViews.Hop::stage).containsExactly("submitted", "accepted", "planned",
                "coded", "tested", "deployed", "running");
        assertThat(hops).extracting(ConsoleViews.Hop::tookMs).containsExactly(null, 50L, 1_000L, 2_000L, null, null,
                null);
        assertThat(hops.get(4).at()).isNull();
    }

    @Test
    void aRepairRoundLengthensTheHopInsteadOfRunningBackwards() {
        List<ConsoleViews.Hop> hops = PipelineHops.of(List.of(at("submitted", 0), at("accepted", 10),
                at("planned", 20), at("coded", 30), at("failed", 40), at("planned", 50), at("coded", 60),
                at("tested", 100)));

        assertThat(hops.get(4).tookMs()).isEqualTo(70L);
    }

    private static StageChanged at(String stage, long millis) {
        return new StageChanged("hops", 1, stage, T0.plusMillis(millis), "type", stage + millis, null, null);
    }
}
