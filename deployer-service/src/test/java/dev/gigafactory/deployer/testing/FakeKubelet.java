package dev.gigafactory.deployer.testing;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the mock API server lacks: controllers and kubelets. Every Deployment applied becomes ready (its status says
 * all replicas are), except those whose artifact digest a test declared broken, which never do.
 */
public final class FakeKubelet implements AutoCloseable {

    private final KubernetesClient client;
    private final Set<String> broken = ConcurrentHashMap.newKeySet();
    private final SharedIndexInformer<Deployment> informer;

    public FakeKubelet(KubernetesClient client, String namespace) {
        this.client = client;
        this.informer = client.apps().deployments().inNamespace(namespace).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Deployment deployment) {
                run(deployment);
            }

            @Override
            public void onUpdate(Deployment old, Deployment deployment) {
                run(deployment);
            }

            @Override
            public void onDelete(Deployment deployment, boolean unknown) {
            }
        });
    }

    /** Pods of this artifact never pass their readiness probe. */
    public void breaks(String digest) {
        broken.add(digest);
    }

    private void run(Deployment deployment) {
        String digest = deployment.getMetadata().getAnnotations().get("gigafactory.dev/artifact-digest");
        Integer replicas = deployment.getSpec().getReplicas();
        boolean ready = deployment.getStatus() != null && replicas.equals(deployment.getStatus().getReadyReplicas());
        if (broken.contains(digest) || ready) {
            return;
        }
        deployment.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas)
                .withAvailableReplicas(replicas).build());
        client.apps().deployments().resource(deployment).updateStatus();
    }

    @Override
    public void close() {
        informer.close();
    }
}
