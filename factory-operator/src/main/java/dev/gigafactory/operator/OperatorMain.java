package dev.gigafactory.operator;

import dev.gigafactory.operator.kafka.KafkaSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -cp 'factory-operator.jar:lib/*' dev.gigafactory.operator.OperatorMain}. The cluster is the ambient
 * one (in-cluster service account or kubeconfig); Kafka is configured by {@code KAFKA_*} variables like the services
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_SASL_JAAS_CONFIG}, ...); the namespace is {@code WATCH_NAMESPACE},
 * else the client's (the pod's own); health answers on {@code HEALTH_PORT} (8080). Every replica is a candidate for
 * the namespace's Lease {@value ElectedOperator#LEASE} under the name {@code POD_NAME} (the downward API's
 * {@code metadata.name}); only the holder works. A replica that loses the lease exits with status 1, and
 * Kubernetes restarts it as a standby.
 */
public final class OperatorMain {

    private OperatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> environment = System.getenv();
        KubernetesClient client = new KubernetesClientBuilder().build();
        String namespace = env("WATCH_NAMESPACE", client.getNamespace() == null ? "default" : client.getNamespace());
        Map<String, Object> kafka = KafkaSettings.fromEnvironment(environment);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean lost = new AtomicBoolean();
        ElectedOperator elected = new ElectedOperator(client, namespace, identity(environment), LeaseTiming.DEFAULT,
                () -> new Operator(client, namespace, kafka, Clock.systemUTC()), () -> {
                    lost.set(true);
                    stopped.countDown();
                });
        HealthEndpoint health = new HealthEndpoint(Integer.parseInt(env("HEALTH_PORT", "8080")), elected::healthy);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            health.close();
            elected.close();
            client.close();
            stopped.countDown();
        }, "operator-stop"));
        elected.start();
        stopped.await();
        if (lost.get()) {
            // not in the elector's thread: exit runs the shutdown hook, which waits for the operator to stop
            System.exit(1);
        }
    }

    /** The pod's name, unique among the replicas; a random one outside a pod, so two local runs never share it. */
    static String identity(Map<String, String> environment) {
        String pod = environment.get("POD_NAME");
        return pod == null || pod.isBlank() ? "factory-operator-" + UUID.randomUUID() : pod;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
