package dev.gigafactory.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.codec.CloudEvent;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.codec.InvalidEventException;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    @Test
    void everyEventRoundTripsThroughBinaryModeHeaders() {
        for (FactoryEvent sample : EventSamples.all().values()) {
            EncodedEvent encoded = CloudEventCodec.encode(sample, "/test");

            CloudEvent<FactoryEvent> decoded = CloudEventCodec.decode(encoded.headers(), encoded.value());

            assertThat(Json.write(decoded.data())).isEqualTo(Json.write(sample));
            assertThat(decoded.id()).isEqualTo(encoded.id());
            assertThat(decoded.subject()).isEqualTo(sample.spec());
            assertThat(decoded.source()).isEqualTo("/test");
            assertThat(decoded.time()).isNotNull();
            assertThat(encoded.key()).isEqualTo(sample.spec());
            assertThat(Topics.isCatalogued(encoded.topic())).isTrue();
        }
    }

    @Test
    void theSameFactPublishedTwiceCarriesTheSameId() {
        PlanCreated plan = (PlanCreated) EventSamples.all().get("plan-created");

        assertThat(CloudEventCodec.encode(plan, "/a").id()).isEqualTo(CloudEventCodec.encode(plan, "/b").id());
    }

    @Test
    void anotherAttemptIsAnotherFact() {
        PlanCreated plan = (PlanCreated) EventSamples.all().get("plan-created");
        PlanCreated retry = new PlanCreated(plan.spec(), plan.version(), 2, plan.kind(), plan.document(),
                plan.tasks(), plan.changes(), plan.reason());

        assertThat(CloudEventCodec.encode(retry, "/a").id()).isNotEqualTo(CloudEventCodec.encode(plan, "/a").id());
    }

    @Test
    void rejectsARecordWithoutCloudEventHeaders() {
        assertThatThrownBy(() -> CloudEventCodec.decode(new RecordHeaders(), "{}".getBytes()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_specversion");
    }

    @Test
    void rejectsAnUnknownType() {
        RecordHeaders headers = headers("dev.gigafactory.unknown.v9");

        assertThatThrownBy(() -> CloudEventCodec.decode(headers, "{}".getBytes()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("unknown CloudEvent type");
    }

    @Test
    void rejectsDataThatIsNotJson() {
        RecordHeaders headers = headers("dev.gigafactory.code.generated.v1");

        assertThatThrownBy(() -> CloudEventCodec.decode(headers, new byte[]{1, 2, 3}))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not valid");
    }

    @Test
    void rejectsTheWrongEventForTheTopic() {
        EncodedEvent plan = CloudEventCodec.encode(EventSamples.all().get("plan-created"), "/a");

        assertThatThrownBy(() -> CloudEventCodec.decode(plan.headers(), plan.value(), CodeGenerated.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("expected CodeGenerated");
    }

    private static RecordHeaders headers(String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventCodec.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventCodec.ID, "1".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventCodec.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
