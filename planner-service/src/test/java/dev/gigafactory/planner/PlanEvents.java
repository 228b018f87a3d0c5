package dev.gigafactory.planner;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.testsupport.KafkaTestClient;
import java.util.List;

/** What the planner has said about one spec so far, in the order it said it. */
public final class PlanEvents {

    private PlanEvents() {
    }

    public static List<FactoryEvent> of(KafkaTestClient kafka, String spec) {
        return kafka.records(Topics.PLANS_CREATED).stream().filter(r -> spec.equals(r.key()))
                .map(r -> CloudEventCodec.decode(r.headers(), r.value()).data()).toList();
    }
}
