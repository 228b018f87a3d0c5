package dev.gigafactory.deployer.config;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.service.Deployer;
import dev.gigafactory.deployer.service.DeploymentTarget;
import dev.gigafactory.deployer.service.LocalProcessTarget;
import dev.gigafactory.deployer.service.ProcessProbe;
import dev.gigafactory.deployer.service.ProductRegistry;
import dev.gigafactory.deployer.service.StateFile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** Wires the plain-Java deployer classes from configuration, and re-adopts surviving products at startup. */
@Singleton
public class DeployerBeans {

    private static final Logger LOG = Logger.getLogger(DeployerBeans.class);

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
    ProductRegistry productRegistry(FactoryPaths paths, ProcessProbe probe) {
        return new ProductRegistry(new StateFile(Path.of(paths.workDir()).resolve("deployments.json")), probe);
    }

    @Produces
    @Singleton
    DeploymentTarget deploymentTarget(ArtifactStore artifacts, ProductRegistry registry, ProcessProbe probe,
            FactoryPaths paths, DeployerConfig config) {
        List<String> wrapper = config.detach() ? setsid() : List.of();
        return new LocalProcessTarget(artifacts, registry, probe, new LocalProcessTarget.Settings(
                Path.of(paths.workDir()).toAbsolutePath(), config.stopGrace(), config.readyTimeout(), wrapper));
    }

    @Produces
    @Singleton
    Deployer deployer(DeploymentTarget target, ProductRegistry registry) {
        return new Deployer(target, registry);
    }

    void readopt(@Observes StartupEvent startup, ProductRegistry registry) {
        List<Deployment> adopted = registry.load();
        adopted.forEach(d -> LOG.infof("re-adopted %s v%d at %s (pid %d)", d.spec(), d.version(), d.url(), d.pid()));
    }

    // setsid execs in place (the pid stays the product's), giving it its own session and process group.
    private static List<String> setsid() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(":")).map(dir -> Path.of(dir, "setsid")).filter(Files::isExecutable)
                .findFirst().map(setsid -> List.of(setsid.toString())).orElse(List.of());
    }
}
