package dev.gigafactory.operator.kube;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.operator.crd.ServiceSpecCrd;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ServiceSpec resources of one namespace. One namespace, because a spec's name is its identity in the whole
 * factory (the Kafka key): two namespaces could each hold a {@code todo}. Annotations are merge-patched (just the
 * key); lists (finalizers, conditions) are replaced whole by an update carrying the resourceVersion they were read
 * at, so a concurrent change fails and is retried rather than lost.
 */
public final class ServiceSpecs {

    public static final ResourceDefinitionContext CONTEXT = new ResourceDefinitionContext.Builder()
            .withGroup(ServiceSpecCrd.GROUP).withVersion(ServiceSpecCrd.VERSION).withKind(ServiceSpecCrd.KIND)
            .withPlural(ServiceSpecCrd.PLURAL).withNamespaced(true).build();
    /** Holds a deletion until the retirement is announced on Kafka. */
    public static final String FINALIZER = "gigafactory.dev/retirement";
    /** The newest generation whose document the broker acknowledged on the intake topic. */
    public static final String SUBMITTED_GENERATION = "gigafactory.dev/submitted-generation";
    /** The uid whose retirement the broker acknowledged: a restart between the ack and the finalizer's removal. */
    public static final String RETIREMENT_ANNOUNCED = "gigafactory.dev/retirement-announced";

    private final KubernetesClient client;
    private final String namespace;

    public ServiceSpecs(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    public NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> all() {
        return client.genericKubernetesResources(CONTEXT).inNamespace(namespace);
    }

    public Optional<GenericKubernetesResource> get(String name) {
        return Optional.ofNullable(all().withName(name).get());
    }

    public void annotate(String name, String key, String value) {
        mergePatch(name, Map.of("metadata", Map.of("annotations", Map.of(key, value))));
    }

    public void addFinalizer(GenericKubernetesResource resource) {
        List<String> finalizers = new ArrayList<>(resource.getMetadata().getFinalizers());
        if (!finalizers.contains(FINALIZER)) {
            finalizers.add(FINALIZER);
            setFinalizers(resource, finalizers);
        }
    }

    public void removeFinalizer(GenericKubernetesResource resource) {
        List<String> finalizers = new ArrayList<>(resource.getMetadata().getFinalizers());
        if (finalizers.remove(FINALIZER)) {
            setFinalizers(resource, finalizers);
        }
    }

    /** The whole status at once, on the status subresource, as of the resource's newest version. */
    public void writeStatus(String name, Map<String, Object> status) {
        get(name).ifPresent(resource -> {
            resource.setAdditionalProperty("status", status);
            all().resource(resource).updateStatus();
        });
    }

    private void setFinalizers(GenericKubernetesResource resource, List<String> finalizers) {
        resource.getMetadata().setFinalizers(finalizers);
        all().resource(resource).update();
    }

    private void mergePatch(String name, Map<String, Object> patch) {
        all().withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), Json.writeString(patch));
    }
}
