package dev.gigafactory.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator that works only while it holds the coordination.k8s.io Lease {@value #LEASE} of its namespace, so
 * several replicas can run and exactly one reconciles, publishes and follows the pipeline. The operator is made
 * only on winning the lease (a standby holds no Kafka client and is in no consumer group), and closed the moment
 * the lease is lost; then {@code onLost} is told, once, and this candidate is done: the process exits and
 * Kubernetes starts it afresh as a new candidate, rather than one object running a second term.
 */
public final class ElectedOperator implements AutoCloseable {

    public static final String LEASE = "factory-operator";
    private static final Logger LOG = LoggerFactory.getLogger(ElectedOperator.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String identity;
    private final LeaseTiming timing;
    private final Supplier<Operator> operators;
    private final Runnable onLost;
    /** Starting and stopping the operator, one at a time and off the elector's threads (a start lists the cluster). */
    private final ExecutorService terms = Executors.newSingleThreadExecutor(r -> new Thread(r, "operator-term"));
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile boolean closing;
    private volatile Operator operator;
    private volatile CompletableFuture<?> election;

    public ElectedOperator(KubernetesClient client, String namespace, String identity, LeaseTiming timing,
            Supplier<Operator> operators, Runnable onLost) {
        this.client = client;
        this.namespace = namespace;
        this.identity = identity;
        this.timing = timing;
        this.operators = operators;
        this.onLost = onLost;
    }

    public ElectedOperator start() {
        election = client.leaderElector().withConfig(new LeaderElectionConfigBuilder().withName(LEASE)
                .withLock(new LeaseLock(namespace, LEASE, identity))
                .withLeaseDuration(timing.leaseDuration()).withRenewDeadline(timing.renewDeadline())
                .withRetryPeriod(timing.retryPeriod())
                // a clean stop hands over at once instead of after the lease runs out
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(this::won, this::lost, this::observed)).build()).build()
                .start();
        // an election that ends for any other reason than close() (renewal failed, API error) ends this candidate
        election.whenComplete((result, error) -> lost());
        return this;
    }

    public String identity() {
        return identity;
    }

    /** Holds the lease and its operator is running. */
    public boolean leading() {
        return operator != null;
    }

    /**
     * A standby is ready while it stands: it must count as available, or a rollout would wait for it forever and
     * the PodDisruptionBudget would allow no eviction. The leader is ready while its operator is.
     */
    public boolean healthy() {
        Operator current = operator;
        if (current != null) {
            return current.healthy();
        }
        return election != null && !election.isDone() && !over.get();
    }

    private void won() {
        onTermThread(() -> {
            if (over.get() || operator != null) {
                return;
            }
            LOG.info("{} holds lease {}/{}: reconciling", identity, namespace, LEASE);
            try {
                operator = operators.get().start();
            } catch (RuntimeException e) {
                // a leader that cannot work must not sit on the lease: end this candidate, another may do better
                LOG.error("{} could not start the operator", identity, e);
                lost();
            }
        });
    }

    private void lost() {
        if (!over.compareAndSet(false, true)) {
            return;
        }
        if (!closing) {
            LOG.error("{} lost lease {}/{}: stopping", identity, namespace, LEASE);
        }
        onTermThread(this::stopOperator);
        if (!closing) {
            onLost.run();
        }
    }

    /** A close() that came first has shut the thread down and stops the operator itself. */
    private void onTermThread(Runnable step) {
        try {
            terms.execute(step);
        } catch (RejectedExecutionException e) {
            LOG.debug("{} is closing", identity);
        }
    }

    private void observed(String leader) {
        LOG.info("lease {}/{} is held by {}", namespace, LEASE, leader);
    }

    private void stopOperator() {
        Operator current = operator;
        operator = null;
        if (current != null) {
            current.close();
        }
    }

    /** Stops working, then gives the lease up (the operator's last write is done before another can start). */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        over.set(true);
        onTermThread(this::stopOperator);
        terms.shutdown();
        try {
            terms.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (election != null) {
            election.cancel(true);
        }
    }
}
