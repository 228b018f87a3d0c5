package dev.gigafactory.operator;

import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.SpecRetired;
import dev.gigafactory.operator.kafka.FactoryKafka;
import dev.gigafactory.operator.kube.ServiceSpecs;
import dev.gigafactory.operator.kube.SpecDocument;
import dev.gigafactory.operator.status.SpecStatus;
import dev.gigafactory.operator.status.StatusProjection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Clock;
import java.util.Map;

/**
 * Brings one resource and Kafka into agreement. Every step is recorded on the resource only after the broker
 * acknowledged it, so a restart at any point redoes at most the last send: a resubmitted document the intake answers
 * as unchanged, a re-announced retirement with the same event id, which consumers drop.
 */
final class Reconciler {

    private final ServiceSpecs specs;
    private final FactoryKafka kafka;
    private final Clock clock;

    Reconciler(ServiceSpecs specs, FactoryKafka kafka, Clock clock) {
        this.specs = specs;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Reads the resource afresh: the informer's copy may predate this operator's own last write. */
    void reconcile(String name) {
        GenericKubernetesResource resource = specs.get(name).orElse(null);
        if (resource == null) {
            return;
        }
        if (resource.getMetadata().getDeletionTimestamp() != null) {
            retire(resource);
            return;
        }
        if (!resource.getMetadata().getFinalizers().contains(ServiceSpecs.FINALIZER)) {
            specs.addFinalizer(resource);
        }
        long generation = generation(resource);
        if (submittedGeneration(resource) < generation) {
            kafka.submit(name, SpecDocument.of(resource));
            specs.annotate(name, ServiceSpecs.SUBMITTED_GENERATION, Long.toString(generation));
            SpecStatus status = SpecStatus.fromMap(resource.getAdditionalProperties().get("status"));
            specs.writeStatus(name, StatusProjection.submitted(status, generation, clock.instant()).toMap());
        }
    }

    /** A pipeline event onto the status of the resource it concerns, if this namespace has one. */
    void follow(FactoryEvent event) {
        specs.get(event.spec()).filter(r -> r.getMetadata().getDeletionTimestamp() == null).ifPresent(resource -> {
            SpecStatus status = SpecStatus.fromMap(resource.getAdditionalProperties().get("status"));
            StatusProjection.apply(status, event, clock.instant())
                    .ifPresent(next -> specs.writeStatus(event.spec(), next.toMap()));
        });
    }

    private void retire(GenericKubernetesResource resource) {
        if (!resource.getMetadata().getFinalizers().contains(ServiceSpecs.FINALIZER)) {
            return;
        }
        String name = resource.getMetadata().getName();
        String uid = resource.getMetadata().getUid();
        if (!uid.equals(annotation(resource, ServiceSpecs.RETIREMENT_ANNOUNCED))) {
            int version = SpecStatus.fromMap(resource.getAdditionalProperties().get("status")).version();
            kafka.announce(new SpecRetired(name, version, 0, uid, "kubernetes:" + specs.namespace() + "/" + name,
                    clock.instant()));
            specs.annotate(name, ServiceSpecs.RETIREMENT_ANNOUNCED, uid);
            resource = specs.get(name).orElse(resource);
        }
        specs.removeFinalizer(resource);
    }

    private static long generation(GenericKubernetesResource resource) {
        Long generation = resource.getMetadata().getGeneration();
        return generation == null ? 1 : generation;
    }

    private static long submittedGeneration(GenericKubernetesResource resource) {
        String value = annotation(resource, ServiceSpecs.SUBMITTED_GENERATION);
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String annotation(GenericKubernetesResource resource, String key) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }
}
