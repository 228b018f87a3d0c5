package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.Release;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/** Starting, watching and stopping product processes, from where {@link ProductFiles} keeps them. */
final class ProductProcesses {

    private static final Logger LOG = Logger.getLogger(ProductProcesses.class);

    private final ProductFiles files;
    private final LocalProcessTarget.Settings settings;
    private final BiConsumer<Deployment, String> onUnexpectedExit;
    // Pids we are stopping ourselves: their exit is no crash.
    private final Set<Long> stopping = ConcurrentHashMap.newKeySet();
    private final ProductConfinement confinement;
    private final QuarkusLaunch quarkus;

    ProductProcesses(ArtifactStore artifacts, LocalProcessTarget.Settings settings,
            Optional<ProductDatabases> databases, BiConsumer<Deployment, String> onUnexpectedExit) {
        this.files = new ProductFiles(artifacts, settings.workDir());
        this.settings = settings;
        this.onUnexpectedExit = onUnexpectedExit;
        this.confinement = new ProductConfinement(settings.sandbox());
        this.quarkus = new QuarkusLaunch(databases, settings.sandbox().limits().memoryBytes());
    }

    /**
     * Starts the release on a private free port, in the sandbox, and returns once it answers /health (url not set
     * yet). The deployment's pid is the product's own JVM, whatever wraps it.
     */
    Deployment start(Release release) throws ProductStartException {
        Optional<ProductDatabases.Grant> database = quarkus.databaseOf(release);
        Path versionDir = files.versionDir(release.spec(), release.version());
        Path jar = files.placeJar(release.spec(), release.version(), release.artifactDigest());
        ProductProcess.Launch plain = ProductProcess.Launch
                .of(jar, files.dataDir(release.spec()), files.log(release.spec(), release.version()))
                .withPort(0).withReadyTimeout(settings.readyTimeout()).withWrapper(settings.wrapper());
        ProductProcess.Launch launch = confinement.confine(quarkus.prepare(plain, database, confinement),
                versionDir, database.map(ProductDatabases.Grant::address));
        ProductProcess product;
        try {
            product = ProductProcess.start(launch);
        } catch (ProductStartException | RuntimeException e) {
            confinement.release(versionDir, launch.port());
            throw e;
        }
        long pid = product.productPid();
        LOG.infof("%s v%d ready on private port %d (pid %d%s)", release.spec(), release.version(), product.port(),
                pid, confinement.confines() ? ", sandboxed" : "");
        Deployment started = new Deployment(release.spec(), release.version(), release.attempt(),
                release.artifactDigest(), release.slo(), pid, product.port(), null, release.stack());
        // The process we started ends with the product, and we hear of a child's end at once: no polling.
        watch(started, product.handle());
        return started;
    }

    /**
     * A product started by an earlier deployer: reachable again on its private port, and watched. False when it cannot
     * be reached where its record says.
     */
    boolean reattach(Deployment deployment) {
        Optional<InetSocketAddress> database = deployment.release().needsDatabase()
                ? quarkus.databaseAddress()
                : Optional.empty();
        return confinement.reattach(files.versionDir(deployment.spec(), deployment.version()), deployment.port(),
                database);
    }

    /** The product's private port is no longer its: nothing reaches it through there any more. */
    void detach(Deployment deployment) {
        confinement.release(files.versionDir(deployment.spec(), deployment.version()), deployment.port());
    }

    /** Reports the process's exit, unless we stopped it. */
    void watch(Deployment deployment) {
        ProcessHandle.of(deployment.pid()).ifPresent(handle -> watch(deployment, handle));
    }

    private void watch(Deployment deployment, ProcessHandle handle) {
        handle.onExit().thenRun(() -> {
            detach(deployment);
            if (!stopping.remove(deployment.pid())) {
                onUnexpectedExit.accept(deployment, files.logTail(deployment.spec(), deployment.version()));
            }
        });
    }

    /** Lets go of the running products: they keep running, for the next deployer to reattach. */
    void close() {
        confinement.close();
    }

    /** SIGTERM, then SIGKILL once the grace period is over; returns once the process is gone. */
    void terminate(Deployment deployment) {
        if (!deployment.running()) {
            return;
        }
        ProcessHandle.of(deployment.pid()).filter(ProcessHandle::isAlive).ifPresent(process -> {
            stopping.add(deployment.pid());
            process.destroy();
            if (!awaitExit(process, settings.stopGrace())) {
                process.destroyForcibly();
                awaitExit(process, Duration.ofSeconds(5));
            }
            detach(deployment);
            LOG.infof("stopped %s v%d (pid %d)", deployment.spec(), deployment.version(), deployment.pid());
        });
    }

    /**
     * Our product processes (started from our products dir) whose pid is not among {@code known}: left behind by a
     * deployer killed between starting a product and recording it, and started again when its work was redelivered.
     */
    List<ProcessHandle> strays(Set<Long> known) {
        String ours = files.root();
        // Only JVMs: the sandbox around a product also names its directory, and ends with it.
        return ProcessHandle.allProcesses().filter(process -> !known.contains(process.pid()))
                .filter(ProductProcess::isJava)
                .filter(process -> process.info().commandLine().map(line -> line.contains(ours)).orElse(false))
                .toList();
    }

    /** Stops a process no deployment record names, the way {@link #terminate} stops one that does. */
    void terminateStray(ProcessHandle process) {
        stopping.add(process.pid());
        process.destroy();
        if (!awaitExit(process, settings.stopGrace())) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(5));
        }
        LOG.warnf("stopped stray product process %d: %s", process.pid(), process.info().commandLine().orElse(""));
    }

    /** SIGKILL now, no grace; returns once the process is gone. */
    void kill(Deployment deployment) {
        ProcessHandle.of(deployment.pid()).filter(ProcessHandle::isAlive).ifPresent(process -> {
            stopping.add(deployment.pid());
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(5));
            LOG.infof("killed %s v%d (pid %d)", deployment.spec(), deployment.version(), deployment.pid());
        });
    }

    // A sandboxed product's JVM is not our child: the JDK would learn of its end by polling from 300 ms up.
    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
