package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentFailedException;
import dev.gigafactory.deployer.domain.Release;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Products as local processes under {@code <work>/products/<spec>/}: one directory per version with its jar and log,
 * one data directory shared by all versions so data survives a redeploy. Products outlive the deployer.
 */
public final class LocalProcessTarget implements DeploymentTarget {

    private static final Logger LOG = Logger.getLogger(LocalProcessTarget.class);

    /** How products are launched; the wrapper (e.g. setsid) and timeouts come from configuration. */
    public record Settings(Path workDir, Duration stopGrace, Duration readyTimeout, List<String> wrapper) {
    }

    private final ArtifactStore artifacts;
    private final ProductRegistry registry;
    private final ProcessProbe probe;
    private final Settings settings;

    public LocalProcessTarget(ArtifactStore artifacts, ProductRegistry registry, ProcessProbe probe,
            Settings settings) {
        this.artifacts = artifacts;
        this.registry = registry;
        this.probe = probe;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Deployment deploy(Release release) throws DeploymentFailedException {
        Optional<Deployment> replaced = registry.current(release.spec());
        Deployment started = start(release, 0);
        registry.promote(started);
        replaced.ifPresent(this::terminate);
        return started;
    }

    @Override
    public Deployment restart(String spec) throws DeploymentFailedException {
        Deployment current = registry.current(spec)
                .orElseThrow(() -> new DeploymentFailedException("nothing deployed for " + spec, ""));
        terminate(current);
        registry.replace(current.stopped());
        Deployment restarted;
        try {
            // Same port first, so clients that cached the URL keep working; any free port if it is taken.
            restarted = start(current.release(), current.port());
        } catch (DeploymentFailedException samePortFailed) {
            LOG.infof("%s could not restart on port %d (%s); trying a free port", spec, current.port(),
                    samePortFailed.getMessage());
            restarted = start(current.release(), 0);
        }
        registry.replace(restarted);
        return restarted;
    }

    @Override
    public Optional<Deployment> rollback(String spec) throws DeploymentFailedException {
        Optional<Deployment> target = registry.previous(spec);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Optional<Deployment> current = registry.current(spec);
        Deployment restored = start(target.get().release(), 0);
        registry.rolledBack(restored);
        current.ifPresent(this::terminate);
        return Optional.of(restored);
    }

    @Override
    public void stop(String spec) {
        registry.current(spec).ifPresent(current -> {
            terminate(current);
            registry.replace(current.stopped());
        });
    }

    @Override
    public Optional<Deployment> status(String spec) {
        return registry.current(spec).map(d -> d.running() && !probe.alive(d.pid()) ? d.stopped() : d);
    }

    private Deployment start(Release release, int port) throws DeploymentFailedException {
        Path versionDir = productDir(release.spec()).resolve("v" + release.version());
        Path jar = versionDir.resolve("app.jar");
        fetch(release.artifactDigest(), jar);
        ProductProcess.Launch launch = ProductProcess.Launch
                .of(jar, productDir(release.spec()).resolve("data"), versionDir.resolve("product.log"))
                .withPort(port).withReadyTimeout(settings.readyTimeout()).withWrapper(settings.wrapper());
        try {
            ProductProcess product = ProductProcess.start(launch);
            LOG.infof("%s v%d serving at %s (pid %d)", release.spec(), release.version(), product.baseUrl(),
                    product.pid());
            return new Deployment(release.spec(), release.version(), release.attempt(), release.artifactDigest(),
                    release.slo(), product.pid(), product.port(), product.baseUrl());
        } catch (ProductStartException e) {
            throw new DeploymentFailedException(e.getMessage(), e.logExcerpt());
        }
    }

    private Path productDir(String spec) {
        return settings.workDir().resolve("products").resolve(spec);
    }

    // Exactly the bytes named by the digest; written beside and moved in, so a running jar is never overwritten.
    private void fetch(String digest, Path jar) throws DeploymentFailedException {
        byte[] content = artifacts.get(digest)
                .orElseThrow(() -> new DeploymentFailedException("artifact " + digest + " is not in the store", ""));
        try {
            Files.createDirectories(jar.getParent());
            Path temporary = Files.createTempFile(jar.getParent(), ".app-", ".jar");
            Files.write(temporary, content);
            try {
                Files.move(temporary, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot place " + digest + " at " + jar, e);
        }
    }

    /** SIGTERM, then SIGKILL once the grace period is over; returns once the process is gone. */
    private void terminate(Deployment deployment) {
        if (!deployment.running()) {
            return;
        }
        ProcessHandle.of(deployment.pid()).filter(ProcessHandle::isAlive).ifPresent(process -> {
            process.destroy();
            if (!awaitExit(process, settings.stopGrace())) {
                process.destroyForcibly();
                awaitExit(process, Duration.ofSeconds(5));
            }
            LOG.infof("stopped %s v%d (pid %d)", deployment.spec(), deployment.version(), deployment.pid());
        });
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
