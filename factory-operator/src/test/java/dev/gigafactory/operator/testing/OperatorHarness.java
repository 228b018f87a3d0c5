package dev.gigafactory.operator.testing;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.devstack.kafka.EmbeddedKafka;
import dev.gigafactory.operator.ElectedOperator;
import dev.gigafactory.operator.LeaseTiming;
import dev.gigafactory.operator.Operator;
import dev.gigafactory.operator.crd.ServiceSpecCrd;
import dev.gigafactory.operator.kafka.KafkaSettings;
import dev.gigafactory.operator.kube.ServiceSpecs;
import dev.gigafactory.testsupport.KafkaTestClient;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One real broker per test JVM (started on first use, stopped with the JVM), the CRD installed on the mock API
 * server, and an operator a test can stop and start again as often as it likes.
 */
public final class OperatorHarness implements AutoCloseable {

    public static final String NAMESPACE = "gigafactory";
    /**
     * Short, so a take-over after a lease runs out fits a test, and long enough that a leader on a loaded 2-core
     * machine does not miss its renewals (2 s did, twice); the proportions are client-go's.
     */
    public static final LeaseTiming FAST_LEASE = new LeaseTiming(Duration.ofMillis(10_000), Duration.ofMillis(7_000),
            Duration.ofMillis(500));
    private static EmbeddedKafka kafka;

    private final KubernetesClient client;
    private final KafkaTestClient broker;
    private Operator operator;
    private final List<ElectedOperator> candidates = new ArrayList<>();

    public OperatorHarness(KubernetesClient client) {
        this.client = client;
        this.broker = KafkaTestClient.connect(kafka().bootstrapServers());
        CustomResourceDefinition crd = Json.mapper().convertValue(ServiceSpecCrd.definition(),
                CustomResourceDefinition.class);
        client.apiextensions().v1().customResourceDefinitions().resource(crd).createOr(existing -> existing.update());
    }

    private static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start();
            EmbeddedKafka started = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-kafka-stop"));
        }
        return kafka;
    }

    public OperatorHarness startOperator() {
        operator = new Operator(client, NAMESPACE, KafkaSettings.broker(kafka().bootstrapServers()),
                Clock.systemUTC()).start();
        return this;
    }

    /** As a killed operator would: nothing is finished on its behalf, the next one starts from what is recorded. */
    public void stopOperator() {
        operator.close();
        operator = null;
    }

    /** A replica as OperatorMain runs it: a candidate for the lease, on its own client, working only as leader. */
    public ElectedOperator candidate(KubernetesClient own, String identity, Runnable onLost) {
        ElectedOperator candidate = new ElectedOperator(own, NAMESPACE, identity, FAST_LEASE,
                () -> new Operator(own, NAMESPACE, KafkaSettings.broker(kafka().bootstrapServers()),
                        Clock.systemUTC()),
                onLost);
        candidates.add(candidate);
        return candidate.start();
    }

    public KafkaTestClient broker() {
        return broker;
    }

    public ServiceSpecs specs() {
        return new ServiceSpecs(client, NAMESPACE);
    }

    public GenericKubernetesResource apply(GenericKubernetesResource resource) {
        return specs().all().resource(resource).create();
    }

    public Optional<GenericKubernetesResource> get(String name) {
        return specs().get(name);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> status(String name) {
        return get(name).map(r -> (Map<String, Object>) r.getAdditionalProperties().get("status")).orElse(Map.of());
    }

    @Override
    public void close() {
        if (operator != null) {
            stopOperator();
        }
        candidates.forEach(ElectedOperator::close);
        broker.close();
    }
}
