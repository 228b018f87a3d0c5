package dev.gigafactory.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.operator.kube.ServiceSpecs;
import dev.gigafactory.operator.testing.Events;
import dev.gigafactory.operator.testing.OperatorHarness;
import dev.gigafactory.operator.testing.Specs;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas against one API server (the mock in CRUD mode, which keeps the Lease and refuses a stale
 * resourceVersion as a real one does): one works, the other waits; the leader gone, the other takes over where
 * the resources say the first stopped, and nothing is published twice.
 */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static KubernetesClient client;
    static KubernetesMockServer server;
    private OperatorHarness harness;
    private KubernetesClient second;

    @BeforeEach
    void harness() {
        // the mock server is the class's: no lease left by the test before
        client.resources(Lease.class).inNamespace(OperatorHarness.NAMESPACE).withName(ElectedOperator.LEASE).delete();
        harness = new OperatorHarness(client);
        second = server.createClient();
    }

    @AfterEach
    void stop() {
        harness.close();
        second.close();
    }

    @Test
    void ofTwoReplicasOnlyTheLeaderPublishesAndTheOtherTakesOverWhenItStops() {
        AtomicInteger lostByA = new AtomicInteger();
        AtomicInteger lostByB = new AtomicInteger();
        ElectedOperator a = harness.candidate(client, "operator-a", lostByA::incrementAndGet);
        ElectedOperator b = harness.candidate(second, "operator-b", lostByB::incrementAndGet);
        await().atMost(WAIT).until(() -> a.leading() || b.leading());
        ElectedOperator leader = a.leading() ? a : b;
        ElectedOperator standby = leader == a ? b : a;
        assertThat(standby.leading()).isFalse();
        assertThat(standby.healthy()).as("a standby counts as ready").isTrue();
        assertThat(holder()).isEqualTo(leader.identity());

        harness.apply(Specs.todo("ha-first"));
        await().atMost(WAIT).until(() -> submittedGeneration("ha-first").equals("1"));
        assertThat(standby.leading()).isFalse();

        // A loaded machine may make a leader miss a renewal and lose the lease for real; closing it must add no loss.
        AtomicInteger lost = leader == a ? lostByA : lostByB;
        int lostBeforeStop = lost.get();
        leader.close();
        await().atMost(WAIT).until(standby::leading);
        assertThat(holder()).isEqualTo(standby.identity());
        harness.apply(Specs.todo("ha-second"));
        await().atMost(WAIT).until(() -> submittedGeneration("ha-second").equals("1"));
        // a fact published after the take-over reaching the status: the new leader follows the pipeline too
        harness.broker().publish(Events.accepted("ha-first", 1));
        await().atMost(WAIT).until(() -> "accepted".equals(harness.status("ha-first").get("stage")));

        assertThat(submissions("ha-first")).hasSize(1);
        assertThat(submissions("ha-second")).hasSize(1);
        assertThat(lost).as("a clean stop is no loss").hasValue(lostBeforeStop);
    }

    @Test
    void aLeaderWhoseLeaseIsTakenStopsWorkingAndSaysSo() {
        AtomicInteger lost = new AtomicInteger();
        ElectedOperator only = harness.candidate(client, "operator-only", lost::incrementAndGet);
        await().atMost(WAIT).until(only::leading);

        // another holder renewed just now, for long: what the leader sees after a pause longer than its lease. A
        // merge patch carries no resourceVersion, so the leader's own renewals cannot make it conflict.
        String renewed = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
                .format(ZonedDateTime.now(ZoneOffset.UTC));
        client.resources(Lease.class).inNamespace(OperatorHarness.NAMESPACE).withName(ElectedOperator.LEASE)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"holderIdentity\":\"someone-else\","
                        + "\"renewTime\":\"" + renewed + "\",\"leaseDurationSeconds\":600}}");

        await().atMost(WAIT).until(() -> lost.get() == 1);
        await().atMost(WAIT).until(() -> !only.leading());
        assertThat(only.healthy()).isFalse();
        harness.apply(Specs.todo("ha-orphan"));
        // the resource is there for a good while with nobody publishing it
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> submittedGeneration("ha-orphan").isEmpty());
        assertThat(submissions("ha-orphan")).isEmpty();
        assertThat(lost).hasValue(1);
    }

    private String holder() {
        return client.resources(Lease.class).inNamespace(OperatorHarness.NAMESPACE).withName(ElectedOperator.LEASE)
                .get().getSpec().getHolderIdentity();
    }

    private String submittedGeneration(String name) {
        return harness.get(name).map(r -> r.getMetadata().getAnnotations())
                .map(a -> a.getOrDefault(ServiceSpecs.SUBMITTED_GENERATION, "")).orElse("");
    }

    private List<ConsumerRecord<String, byte[]>> submissions(String name) {
        return harness.broker().records(Topics.SPECS_SUBMITTED).stream().filter(r -> name.equals(r.key())).toList();
    }
}
