package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.ProductExited;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentFailedException;
import dev.gigafactory.deployer.domain.DeploymentRecord;
import dev.gigafactory.deployer.domain.DeploymentState;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.domain.SpecState;
import dev.gigafactory.deployer.proxy.ProxyBindException;
import dev.gigafactory.deployer.proxy.StableProxies;
import dev.gigafactory.deployer.proxy.StableProxy;
import dev.gigafactory.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Products as local processes, each spec behind a stable URL served by the deployer's own reverse proxy. A new version
 * starts on a private port; once it answers /health the proxy switches to it, requests in flight on the old one
 * drain, then the old one stops (blue/green). A version that never gets ready is stopped and the old keeps serving.
 * Products outlive the deployer; a new deployer re-adopts them from the store and reopens their stable ports.
 */
public final class LocalProcessTarget implements DeploymentTarget {

    private static final Logger LOG = Logger.getLogger(LocalProcessTarget.class);
    static final String RECOVERED = "recovered";

    /** How products are launched; the wrapper (e.g. setsid), timeouts and the sandbox come from configuration. */
    public record Settings(Path workDir, Duration stopGrace, Duration readyTimeout, List<String> wrapper,
            Sandbox sandbox) {
    }

    private final ProductRegistry registry;
    private final ProcessProbe probe;
    private final StableProxies proxies;
    private final ProductProcesses processes;
    private final Switchover switchover;
    private final Consumer<ProductExited> exits;
    private volatile boolean closing;

    public LocalProcessTarget(ArtifactStore artifacts, ProductRegistry registry, ProcessProbe probe,
            StableProxies proxies, Settings settings) {
        this(artifacts, registry, probe, proxies, settings, Optional.empty(), exit -> {
        });
    }

    /**
     * {@code databases}: where quarkus products get theirs; without, a quarkus release fails saying what to set.
     * {@code exits} hears of every serving product whose process ended without being asked to, as it happens.
     */
    public LocalProcessTarget(ArtifactStore artifacts, ProductRegistry registry, ProcessProbe probe,
            StableProxies proxies, Settings settings, Optional<ProductDatabases> databases,
            Consumer<ProductExited> exits) {
        this.registry = registry;
        this.exits = exits;
        this.probe = probe;
        this.proxies = proxies;
        this.processes = new ProductProcesses(artifacts, settings, databases, this::exited);
        this.switchover = new Switchover(processes, settings.stopGrace());
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Deployment deploy(Release release) throws DeploymentFailedException {
        StableProxy proxy = proxy(release.spec());
        Optional<Deployment> replaced = registry.current(release.spec()).filter(Deployment::running);
        Deployment started = start(release, proxy);
        recordOrStop(started, () -> registry.promote(started, DeploymentCompleted.DEPLOY));
        switchover.switchAndRetire(proxy, started, replaced);
        return started;
    }

    @Override
    public Deployment restart(String spec, String cause) throws DeploymentFailedException {
        Deployment current = registry.current(spec)
                .orElseThrow(() -> new DeploymentFailedException("nothing deployed for " + spec, ""));
        StableProxy proxy = proxy(spec);
        Deployment restarted = start(current.release(), proxy);
        recordOrStop(restarted, () -> registry.restarted(restarted, cause));
        switchover.switchAndRetireLater(proxy, restarted, Optional.of(current).filter(Deployment::running));
        return restarted;
    }

    @Override
    public Optional<Deployment> rollback(String spec, String cause) throws DeploymentFailedException {
        Optional<Deployment> target = registry.previous(spec);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        StableProxy proxy = proxy(spec);
        Optional<Deployment> current = registry.current(spec).filter(Deployment::running);
        Deployment restored = start(target.get().release(), proxy);
        recordOrStop(restored, () -> registry.rolledBack(restored, cause));
        switchover.switchAndRetireLater(proxy, restored, current);
        return Optional.of(restored);
    }

    @Override
    public void stop(String spec) {
        registry.current(spec).filter(Deployment::running).ifPresent(current -> {
            processes.terminate(current);
            registry.ended(spec, current.pid(), DeploymentState.STOPPED, "stopped");
        });
        proxies.close(spec);
    }

    @Override
    public Optional<Deployment> status(String spec) {
        return registry.current(spec).map(d -> d.running() && !probe.alive(d.pid()) ? d.stopped() : d);
    }

    /**
     * Reopens every stable port and points it at the product still serving there; a product that died while the
     * deployer was away is started again, once, so none is lost and none runs twice.
     */
    @Override
    public void readopt() {
        List<SpecState> specs = registry.load();
        for (SpecState spec : specs) {
            DeploymentRecord current = spec.current();
            if (current == null || current.state() == DeploymentState.STOPPED) {
                continue;
            }
            try {
                readopt(spec.spec(), current);
            } catch (DeploymentFailedException e) {
                LOG.warnf("%s v%d could not be recovered: %s", spec.spec(), current.deployment().version(),
                        e.detail());
            }
        }
        Set<Long> known = specs.stream().map(spec -> registry.current(spec.spec())).flatMap(Optional::stream)
                .filter(Deployment::running).map(Deployment::pid).collect(Collectors.toSet());
        processes.strays(known).forEach(processes::terminateStray);
    }

    @Override
    public void close() {
        closing = true;
        proxies.close();
        switchover.close();
        processes.close();
    }

    private void readopt(String spec, DeploymentRecord current) throws DeploymentFailedException {
        Deployment known = current.deployment();
        if (current.serving() && known.running() && processes.reattach(known) && isStillOurs(known)) {
            // Still ours even if retired meanwhile: the redelivered retirement stops it (the stop was not committed).
            StableProxy proxy = proxy(spec);
            proxy.switchTo(known.port());
            processes.watch(known);
            LOG.infof("re-adopted %s v%d at %s (pid %d, port %d)", spec, known.version(), proxy.url(), known.pid(),
                    known.port());
            return;
        }
        if (current.serving()) {
            processes.detach(known);
            registry.ended(spec, known.pid(), DeploymentState.CRASHED, "gone while the deployer was away");
        }
        if (registry.isRetired(spec, known.version())) {
            // It had crashed when the spec was retired, so the stop left its record as it was: it stays down.
            LOG.infof("not recovering %s v%d: the spec is retired", spec, known.version());
            return;
        }
        StableProxy proxy = proxy(spec);
        Deployment again = start(known.release(), proxy);
        registry.restarted(again, RECOVERED);
        proxy.switchTo(again.port());
        LOG.infof("recovered %s v%d at %s (pid %d)", spec, again.version(), again.url(), again.pid());
    }

    // A live pid alone could be a stranger that inherited the number: it must also answer where ours did.
    private boolean isStillOurs(Deployment deployment) {
        return probe.alive(deployment.pid()) && probe.healthy(deployment.privateUrl());
    }

    private Deployment start(Release release, StableProxy proxy) throws DeploymentFailedException {
        if (closing) {
            throw new DeploymentFailedException("the deployer is shutting down; nothing is started", "");
        }
        try {
            return processes.start(release).at(proxy.url());
        } catch (ProductStartException e) {
            throw new DeploymentFailedException(e.getMessage(), e.logExcerpt());
        }
    }

    // A product the registry does not know of would be started a second time when the work is retried or redelivered.
    private void recordOrStop(Deployment started, Runnable record) {
        try {
            record.run();
        } catch (RuntimeException e) {
            LOG.warnf("%s v%d started but could not be recorded; stopping it: %s", started.spec(), started.version(),
                    e);
            processes.terminate(started);
            throw e;
        }
    }

    private StableProxy proxy(String spec) throws DeploymentFailedException {
        Integer remembered = registry.stablePort(spec).orElse(null);
        try {
            StableProxy proxy = proxies.open(spec, remembered);
            if (remembered == null || remembered != proxy.port()) {
                registry.rememberStablePort(spec, proxy.port());
            }
            return proxy;
        } catch (ProxyBindException e) {
            throw new DeploymentFailedException("cannot open the stable URL of " + spec + ": " + e.getMessage(), "");
        }
    }

    // A deployer on its way down does not judge: products may be stopped by whoever stops the fleet.
    private void exited(Deployment deployment, String logTail) {
        if (closing) {
            return;
        }
        Instant at = Instant.now();
        String evidence = "pid " + deployment.pid() + " exited unexpectedly at " + at
                + (logTail.isBlank() ? "" : "; last output:\n" + logTail);
        if (registry.ended(deployment.spec(), deployment.pid(), DeploymentState.CRASHED, evidence)) {
            LOG.warnf("%s v%d crashed: %s", deployment.spec(), deployment.version(), evidence);
            exits.accept(new ProductExited(deployment.spec(), deployment.version(), deployment.attempt(),
                    deployment.pid(), at, evidence));
        }
    }
}
