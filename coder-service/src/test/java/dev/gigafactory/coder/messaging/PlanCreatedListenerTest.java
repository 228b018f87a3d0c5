package dev.gigafactory.coder.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.config.FactoryConfig;
import dev.gigafactory.coder.support.ArtifactsDirResource;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.EncodedEvent;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.EventType;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.spec.SpecMetadata;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(ArtifactsDirResource.class)
class PlanCreatedListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Inject
    FactoryConfig config;

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = KafkaTestClient.fromConfig();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void publishesCodeGeneratedWhoseTreeIsInTheArtifactStore() {
        PlanCreated plan = Specs.plan(Specs.example("todo.yaml"), 1);
        EncodedEvent encoded = CloudEventCodec.encode(plan, "/gigafactory/test");
        encoded.headers().add(CloudEventCodec.TRACEPARENT, TRACEPARENT.getBytes(StandardCharsets.UTF_8));

        kafka.publishRaw(encoded.topic(), encoded.key(), encoded.value(), encoded.headers());

        ConsumerRecord<String, byte[]> record = kafka.awaitRecord(Topics.CODE_GENERATED,
                r -> "todo".equals(r.key()), WAIT);
        CodeGenerated event = CloudEventCodec.decode(record.headers(), record.value(), CodeGenerated.class).data();
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.stack()).isEqualTo("jdk-http");
        assertThat(event.agent()).isEqualTo("template");
        assertThat(CloudEventCodec.text(record.headers(), CloudEventCodec.ID))
                .isEqualTo(CloudEventCodec.idOf(EventType.CODE_GENERATED, event));
        // The trace continues: same trace id (the span id is the coder's own once tracing instruments the send).
        assertThat(CloudEventCodec.text(record.headers(), CloudEventCodec.TRACEPARENT))
                .contains(TRACEPARENT.split("-")[1]);
        LocalArtifactStore store = new LocalArtifactStore(config.artifactsDir());
        assertThat(store.contains(event.sourceDigest())).isTrue();
        SourceTree tree = SourceTree.unpack(store.get(event.sourceDigest()).orElseThrow());
        assertThat(tree.files()).hasSize(event.fileCount());
        assertThat(tree.text("gigafactory-product.properties"))
                .contains("main-class=dev.gigafactory.product.todo.Main");
    }

    @Test
    void sendsAPoisonRecordToTheDeadLetterTopicAndKeepsGoing() {
        byte[] garbage = {(byte) 0xde, (byte) 0xad, 0x00, (byte) 0xbe, (byte) 0xef};

        kafka.publishRaw(Topics.PLANS_CREATED, "poison", garbage, null);
        kafka.publish(Specs.plan(renamed(Specs.example("todo.yaml"), "after-poison"), 1));

        ConsumerRecord<String, byte[]> dead = kafka.awaitRecord(Topics.DLQ,
                r -> "poison".equals(r.key()) && Arrays.equals(garbage, r.value()), WAIT);
        assertThat(dead.value()).isEqualTo(garbage);
        CodeGenerated next = kafka.awaitEvent(CodeGenerated.class, e -> e.spec().equals("after-poison"), WAIT);
        assertThat(new LocalArtifactStore(config.artifactsDir()).contains(next.sourceDigest())).isTrue();
    }

    @Test
    void announcesTheCodeOfARedeliveredPlanOnlyOnce() {
        ServiceSpec spec = renamed(Specs.example("library.yaml"), "redelivered");
        PlanCreated plan = Specs.plan(spec, 4);

        kafka.publish(plan);
        kafka.publish(plan);
        kafka.publish(Specs.plan(spec, 5)); // same key, same partition: once v5 is out, the copy has been consumed

        kafka.awaitEvent(CodeGenerated.class, e -> e.spec().equals("redelivered") && e.version() == 5, WAIT);
        List<ConsumerRecord<String, byte[]>> announced = awaitRecords("redelivered", 2);
        assertThat(announced).extracting(r -> CloudEventCodec.decode(r.headers(), r.value(), CodeGenerated.class)
                .data().version()).containsExactly(4, 5);
    }

    private List<ConsumerRecord<String, byte[]>> awaitRecords(String key, int count) {
        return Awaitility.await().atMost(WAIT).until(
                () -> kafka.records(Topics.CODE_GENERATED).stream().filter(r -> key.equals(r.key())).toList(),
                records -> records.size() >= count);
    }

    private static ServiceSpec renamed(ServiceSpec spec, String name) {
        return new ServiceSpec(spec.apiVersion(), spec.kind(), new SpecMetadata(name, Map.of()), spec.spec());
    }
}
