package dev.gigafactory.deployer.service;

import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.proxy.StableProxy;
import dev.gigafactory.deployer.proxy.Upstream;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Moves a spec's stable URL to a new instance, then retires the instance it replaced: waits for its requests in
 * flight (drain), then stops it. A release is announced only once the old version is gone. A remediation is announced
 * as soon as the new instance serves: the instance it replaces is the failing one, and a hung one never finishes its
 * requests nor acts on SIGTERM, so waiting for it would hold the news (and the spec) for twice the stop grace.
 */
final class Switchover implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Switchover.class);

    private final ProductProcesses processes;
    private final Duration stopGrace;
    private final ExecutorService background = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "product-retirement");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Deployment> retiring = ConcurrentHashMap.newKeySet();

    Switchover(ProductProcesses processes, Duration stopGrace) {
        this.processes = processes;
        this.stopGrace = stopGrace;
    }

    /** Returns once {@code replaced} has drained and stopped (blue/green release). */
    void switchAndRetire(StableProxy proxy, Deployment next, Optional<Deployment> replaced) {
        Optional<Upstream> old = proxy.switchTo(next.port());
        LOG.infof("%s v%d now behind %s", next.spec(), next.version(), next.url());
        retire(next, old, replaced(next, replaced));
    }

    /** Returns once {@code next} serves; {@code replaced} is drained and stopped in the background (remediation). */
    void switchAndRetireLater(StableProxy proxy, Deployment next, Optional<Deployment> replaced) {
        Optional<Upstream> old = proxy.switchTo(next.port());
        Optional<Deployment> retiree = replaced(next, replaced);
        LOG.infof("%s v%d now behind %s%s", next.spec(), next.version(), next.url(),
                retiree.map(r -> "; retiring pid " + r.pid() + " in the background").orElse(""));
        retiree.ifPresent(retiring::add);
        background.execute(() -> {
            try {
                retire(next, old, retiree);
            } finally {
                retiree.ifPresent(retiring::remove);
            }
        });
    }

    /** The deployer goes away, its stable URLs with it: whatever is still being retired is killed now. */
    @Override
    public void close() {
        background.shutdownNow();
        retiring.forEach(processes::kill);
    }

    private void retire(Deployment next, Optional<Upstream> old, Optional<Deployment> replaced) {
        long began = System.nanoTime();
        old.ifPresent(upstream -> {
            if (!StableProxy.drain(upstream, stopGrace)) {
                LOG.warnf("%s: requests still in flight on port %d after %s", next.spec(), upstream.port(),
                        stopGrace);
            }
        });
        replaced.ifPresent(retiree -> {
            processes.terminate(retiree);
            LOG.infof("%s v%d (pid %d) drained and stopped in %d ms", retiree.spec(), retiree.version(),
                    retiree.pid(), (System.nanoTime() - began) / 1_000_000);
        });
    }

    private static Optional<Deployment> replaced(Deployment next, Optional<Deployment> replaced) {
        return replaced.filter(old -> !old.pid().equals(next.pid()));
    }
}
