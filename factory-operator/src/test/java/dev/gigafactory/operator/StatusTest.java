package dev.gigafactory.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.operator.testing.Events;
import dev.gigafactory.operator.testing.OperatorHarness;
import dev.gigafactory.operator.testing.Specs;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline's events, published on the real broker, become the resource's status and conditions. */
@EnableKubernetesMockClient(crud = true)
class StatusTest {

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
    void eachStageOfThePipelineShowsOnTheStatusUntilTheServiceIsReady() {
        applied("st-pipeline");

        // one at a time: the stages' topics are read by one consumer, with no order between topics
        stage(Events.accepted("st-pipeline", 1), "accepted");
        stage(Events.planned("st-pipeline", 1), "planned");
        stage(Events.coded("st-pipeline", 1), "coded");
        stage(Events.tested("st-pipeline", 1), "tested");
        stage(Events.deployed("st-pipeline", 1, "http://st-pipeline.gigafactory.svc"), "deployed");

        Map<String, Object> status = harness.status("st-pipeline");
        assertThat(status).containsEntry("version", 1).containsEntry("url", "http://st-pipeline.gigafactory.svc");
        assertThat(condition(status, "Ready")).containsEntry("status", "True").containsEntry("reason", "Deployed");
        assertThat(condition(status, "Progressing")).containsEntry("status", "False");
        assertThat(condition(status, "Degraded")).containsEntry("status", "False");
        assertThat(((Number) status.get("observedGeneration")).longValue()).isEqualTo(1);
    }

    @Test
    void aRejectionShowsEveryProblemWithItsPointer() {
        applied("st-rejected");

        stage(Events.rejected("st-rejected", "/spec/entities/0/name", "must be PascalCase"), "rejected");

        Map<String, Object> degraded = condition(harness.status("st-rejected"), "Degraded");
        assertThat(degraded).containsEntry("status", "True").containsEntry("reason", "Rejected");
        assertThat((String) degraded.get("message")).contains("/spec/entities/0/name: must be PascalCase");
    }

    @Test
    void anIncidentDegradesTheServiceAndARedeploymentHealsIt() {
        applied("st-incident");
        stage(Events.deployed("st-incident", 1, "http://st-incident.gigafactory.svc"), "deployed");

        stage(Events.crashed("st-incident", 1), "healing");
        assertThat(condition(harness.status("st-incident"), "Degraded")).containsEntry("reason", "IncidentCrash");

        stage(Events.deployed("st-incident", 1, "http://st-incident.gigafactory.svc"), "deployed");
        assertThat(condition(harness.status("st-incident"), "Degraded")).containsEntry("status", "False");
    }

    @Test
    void anEventOfAnOlderVersionDoesNotOverwriteANewerStatus() {
        applied("st-order");
        stage(Events.accepted("st-order", 2), "accepted");

        harness.broker().publish(Events.planned("st-order", 1));
        stage(Events.coded("st-order", 2), "coded");

        assertThat(harness.status("st-order")).containsEntry("version", 2);
    }

    /** Submitted first, as in the factory: the intake answers only what was submitted. */
    private void applied(String name) {
        harness.apply(Specs.todo(name));
        await().atMost(WAIT).until(() -> "submitted".equals(harness.status(name).get("stage")));
    }

    private void stage(FactoryEvent event, String stage) {
        harness.broker().publish(event);
        await().atMost(WAIT).until(() -> stage.equals(harness.status(event.spec()).get("stage")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> condition(Map<String, Object> status, String type) {
        return ((List<Map<String, Object>>) status.get("conditions")).stream()
                .filter(c -> type.equals(c.get("type"))).findFirst().orElseThrow();
    }
}
