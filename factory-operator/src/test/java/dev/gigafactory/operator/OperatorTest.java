package dev.gigafactory.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.operator.kube.ServiceSpecs;
import dev.gigafactory.operator.testing.Events;
import dev.gigafactory.operator.testing.OperatorHarness;
import dev.gigafactory.operator.testing.Specs;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A ServiceSpec resource in, its document on the intake topic; deleted, its retirement announced; each once. */
@EnableKubernetesMockClient(crud = true)
class OperatorTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static KubernetesClient client;
    private OperatorHarness harness;

    @BeforeEach
    void startOperator() {
        harness = new OperatorHarness(client).startOperator();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void anAppliedSpecIsPublishedToTheIntakeTopicAsItsDocument() {
        harness.apply(Specs.todo("op-apply"));

        ConsumerRecord<String, byte[]> record = harness.broker().awaitRecord(Topics.SPECS_SUBMITTED,
                r -> "op-apply".equals(r.key()), WAIT);
        JsonNode published = Json.tree(Json.read(record.value(), Map.class));
        JsonNode expected = Json.tree(Json.mapper().convertValue(Specs.document("todo.yaml"), Map.class));
        assertThat(published.get("spec")).isEqualTo(expected.get("spec"));
        assertThat(published.at("/metadata/name").asText()).isEqualTo("op-apply");
        assertThat(published.at("/metadata/labels")).isEqualTo(expected.at("/metadata/labels"));
        await().atMost(WAIT).until(() -> "submitted".equals(harness.status("op-apply").get("stage")));
        GenericKubernetesResource resource = harness.get("op-apply").orElseThrow();
        assertThat(resource.getMetadata().getFinalizers()).contains(ServiceSpecs.FINALIZER);
        assertThat(resource.getMetadata().getAnnotations()).containsEntry(ServiceSpecs.SUBMITTED_GENERATION, "1");
    }

    @Test
    void aChangedSpecIsPublishedOncePerGeneration() {
        harness.apply(Specs.todo("op-change"));
        await().atMost(WAIT).until(() -> submittedGeneration("op-change").equals("1"));

        // A merge patch without a resourceVersion, as kubectl apply sends: the operator writing the status meanwhile
        // is no conflict.
        harness.specs().all().withName("op-change").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"replicas\":2}}");

        await().atMost(WAIT).until(() -> submittedGeneration("op-change").equals("2"));
        List<ConsumerRecord<String, byte[]>> published = submissions("op-change");
        assertThat(published).hasSize(2);
        assertThat(Json.tree(Json.read(published.get(1).value(), Map.class)).at("/spec/replicas").asInt())
                .isEqualTo(2);
    }

    @Test
    void deletingASpecAnnouncesItsRetirementBeforeTheResourceGoes() {
        GenericKubernetesResource created = harness.apply(Specs.todo("op-delete"));
        await().atMost(WAIT).until(() -> submittedGeneration("op-delete").equals("1"));

        harness.specs().all().withName("op-delete").delete();

        SpecRetired retired = harness.broker().awaitEvent(SpecRetired.class, e -> e.spec().equals("op-delete"), WAIT);
        assertThat(retired.requestId()).isEqualTo(created.getMetadata().getUid());
        assertThat(retired.requestedBy()).isEqualTo("kubernetes:" + OperatorHarness.NAMESPACE + "/op-delete");
        await().atMost(WAIT).until(() -> harness.get("op-delete").isEmpty());
    }

    @Test
    void anOperatorKilledAndRestartedPublishesNothingTwice() {
        harness.apply(Specs.todo("op-restart"));
        await().atMost(WAIT).until(() -> submittedGeneration("op-restart").equals("1"));

        harness.stopOperator();
        harness.startOperator();
        // a fact published after the restart reaching the status proves the new operator has looked at everything
        harness.broker().publish(Events.accepted("op-restart", 1));
        await().atMost(WAIT).until(() -> "accepted".equals(harness.status("op-restart").get("stage")));
        assertThat(submissions("op-restart")).hasSize(1);

        harness.specs().all().withName("op-restart").delete();
        await().atMost(WAIT).until(() -> harness.get("op-restart").isEmpty());
        harness.stopOperator();
        harness.startOperator();
        harness.apply(Specs.todo("op-restart-probe"));
        await().atMost(WAIT).until(() -> submittedGeneration("op-restart-probe").equals("1"));

        assertThat(retirements("op-restart")).hasSize(1);
        assertThat(submissions("op-restart")).hasSize(1);
    }

    private String submittedGeneration(String name) {
        return harness.get(name).map(r -> r.getMetadata().getAnnotations())
                .map(a -> a.getOrDefault(ServiceSpecs.SUBMITTED_GENERATION, "")).orElse("");
    }

    private List<ConsumerRecord<String, byte[]>> submissions(String name) {
        return harness.broker().records(Topics.SPECS_SUBMITTED).stream().filter(r -> name.equals(r.key())).toList();
    }

    private List<ConsumerRecord<String, byte[]>> retirements(String name) {
        return harness.broker().records(Topics.SPECS_RETIRED).stream().filter(r -> name.equals(r.key())).toList();
    }
}
