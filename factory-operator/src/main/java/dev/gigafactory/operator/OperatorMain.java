package dev.gigafactory.operator;

import dev.gigafactory.operator.kafka.KafkaSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -cp 'factory-operator.jar:lib/*' dev.gigafactory.operator.OperatorMain}. The cluster is the ambient
 * one (in-cluster service account or kubeconfig); Kafka is configured by {@code KAFKA_*} variables like the services
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_SASL_JAAS_CONFIG}, ...); the namespace is {@code WATCH_NAMESPACE},
 * else the client's (the pod's own); health answers on {@code HEALTH_PORT} (8080).
 */
public final class OperatorMain {

    private OperatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KubernetesClient client = new KubernetesClientBuilder().build();
        String namespace = env("WATCH_NAMESPACE", client.getNamespace() == null ? "default" : client.getNamespace());
        Operator operator = new Operator(client, namespace, KafkaSettings.fromEnvironment(System.getenv()),
                Clock.systemUTC()).start();
        HealthEndpoint health = new HealthEndpoint(Integer.parseInt(env("HEALTH_PORT", "8080")), operator::healthy);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            health.close();
            operator.close();
            client.close();
            stopped.countDown();
        }, "operator-stop"));
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
