package dev.gigafactory.operator;

import dev.gigafactory.operator.kafka.FactoryKafka;
import dev.gigafactory.operator.kafka.PipelineFollower;
import dev.gigafactory.operator.kube.ServiceSpecs;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The ServiceSpec operator: watches the resources of one namespace and reconciles each with Kafka, and follows the
 * pipeline onto their statuses. It shares nothing with the services but topics.
 */
public final class Operator implements AutoCloseable {

    /** A periodic look at every resource, so a step that kept failing is retried even without a change. */
    private static final Duration RESYNC = Duration.ofMinutes(5);

    private final ServiceSpecs specs;
    private final FactoryKafka kafka;
    private final Reconciler reconciler;
    private final Worker worker = new Worker();
    private final PipelineFollower follower;
    private SharedIndexInformer<GenericKubernetesResource> informer;

    /** {@code kafkaSettings}: Kafka client properties, {@code bootstrap.servers} at least. */
    public Operator(KubernetesClient client, String namespace, Map<String, Object> kafkaSettings, Clock clock) {
        this.specs = new ServiceSpecs(client, namespace);
        this.kafka = new FactoryKafka(kafkaSettings);
        this.reconciler = new Reconciler(specs, kafka, clock);
        this.follower = new PipelineFollower(kafkaSettings,
                event -> worker.runAndWait(() -> reconciler.follow(event)));
    }

    public Operator start() {
        informer = specs.all().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource resource) {
                changed(resource);
            }

            @Override
            public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource resource) {
                changed(resource);
            }

            @Override
            public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
                // gone for good: its retirement was announced before the finalizer let it go
            }
        }, RESYNC.toMillis());
        follower.start();
        return this;
    }

    /** Watching the cluster and following the topics: what readiness means for the operator. */
    public boolean healthy() {
        return informer != null && informer.isRunning() && follower.running();
    }

    private void changed(GenericKubernetesResource resource) {
        worker.enqueue(resource.getMetadata().getName(), reconciler::reconcile);
    }

    @Override
    public void close() {
        if (informer != null) {
            informer.close();
        }
        follower.close();
        worker.close();
        kafka.close();
    }
}
