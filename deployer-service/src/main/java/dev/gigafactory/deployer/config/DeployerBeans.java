package dev.gigafactory.deployer.config;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.deployer.messaging.ProductExitPublisher;
import dev.gigafactory.deployer.proxy.StableProxies;
import dev.gigafactory.deployer.repository.DatabaseDeploymentStore;
import dev.gigafactory.deployer.repository.DatabaseProductPasswords;
import dev.gigafactory.deployer.service.Deployer;
import dev.gigafactory.deployer.service.DeploymentTarget;
import dev.gigafactory.deployer.service.KubernetesTarget;
import dev.gigafactory.deployer.service.LocalProcessTarget;
import dev.gigafactory.deployer.service.ProcessProbe;
import dev.gigafactory.deployer.service.ProductDatabases;
import dev.gigafactory.deployer.service.ProductRegistry;
import dev.gigafactory.sandbox.Sandbox;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Wires the plain-Java deployer classes from configuration; re-adopts products at start, lets go of them at stop. */
@Singleton
public class DeployerBeans {

    @Produces
    @Singleton
    ArtifactStore artifactStore(FactoryPaths paths) {
        return new LocalArtifactStore(Path.of(paths.artifactsDir()));
    }

    @Produces
    @Singleton
    ProcessProbe processProbe() {
        return ProcessProbe.system();
    }

    @Produces
    @Singleton
    ProductRegistry productRegistry(DatabaseDeploymentStore store) {
        return new ProductRegistry(store);
    }

    @Produces
    @Singleton
    DeploymentTarget deploymentTarget(ArtifactStore artifacts, ProductRegistry registry, ProcessProbe probe,
            FactoryPaths paths, DeployerConfig config, DatabaseProductPasswords passwords, ProductExitPublisher exits) {
        if (config.target() == DeployerConfig.Target.KUBERNETES) {
            DeployerConfig.Kubernetes k8s = config.kubernetes();
            return new KubernetesTarget(new KubernetesClientBuilder().build(), registry, new KubernetesTarget.Settings(
                    k8s.namespace(), k8s.artifactBaseUrl(), k8s.image(), config.readyTimeout(), k8s.ingressDomain(),
                    k8s.postgresCluster()));
        }
        List<String> wrapper = config.detach() ? setsid() : List.of();
        Path workDir = Path.of(paths.workDir()).toAbsolutePath();
        return new LocalProcessTarget(artifacts, registry, probe, new StableProxies(proxyVertx()),
                new LocalProcessTarget.Settings(workDir, config.stopGrace(), config.readyTimeout(), wrapper,
                        sandbox(config, workDir)),
                config.productsDatabase().map(admin -> new ProductDatabases(new ProductDatabases.Admin(admin.url(),
                        admin.username(), admin.password().orElse("")), passwords)),
                exits::publish);
    }

    // A service runs for good: no CPU-time cap, unlike the gate's runs; files may grow as far as the data needs.
    private static Sandbox sandbox(DeployerConfig config, Path workDir) {
        long mib = 1024L * 1024;
        Sandbox.Limits limits = new Sandbox.Limits(Duration.ZERO, config.memoryLimitMib() * mib,
                config.fileSizeLimitMib() * mib, Sandbox.Limits.defaults().scratchBytes());
        return Sandbox.of(config.sandbox(), limits, workDir.resolve("sandbox"), config.bubblewrap());
    }

    @Produces
    @Singleton
    Deployer deployer(DeploymentTarget target, ProductRegistry registry) {
        return new Deployer(target, registry);
    }

    // Before the channels start (messaging starts at LIBRARY_BEFORE): a record consumed meanwhile may start a product
    // that the stray sweep, not knowing it yet, would stop mid-start (seen as "exited with code 143" on a restart).
    void readopt(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE - 1) StartupEvent startup,
            DeploymentTarget target) {
        target.readopt();
    }

    // First thing on the way down: from now on nothing is restarted (the fleet may be stopping its products).
    void shutdown(@Observes ShutdownEvent shutdown, Deployer deployer, DeploymentTarget target) {
        deployer.shutdown();
        target.close();
    }

    // The proxies get a Vert.x of their own: binding from a @Blocking listener on Quarkus' instance waits on the very
    // worker context it blocks (observed as listen timeouts), and product traffic should not share the service's loops.
    private static Vertx proxyVertx() {
        return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1));
    }

    // setsid execs in place (the pid stays the product's), giving it its own session and process group.
    private static List<String> setsid() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(":")).map(dir -> Path.of(dir, "setsid")).filter(Files::isExecutable)
                .findFirst().map(setsid -> List.of(setsid.toString())).orElse(List.of());
    }
}
