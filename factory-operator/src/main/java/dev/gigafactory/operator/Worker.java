package dev.gigafactory.operator;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes to the cluster. Reconciling a resource and projecting an event onto its status both
 * read, then write, the same object: doing them one at a time means neither overwrites the other's change. A failed
 * step (broker or API server away) is tried again with back-off, 0.1 s doubling to 10 s.
 */
final class Worker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    private static final long MAX_BACKOFF_MS = 10_000;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "operator-worker"));
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Runs {@code step} for this name soon; a name already waiting is not queued twice. */
    void enqueue(String name, Consumer<String> step) {
        if (queued.add(name)) {
            executor.execute(() -> attempt(name, step, 0));
        }
    }

    private void attempt(String name, Consumer<String> step, int failures) {
        queued.remove(name);
        try {
            step.accept(name);
        } catch (RuntimeException e) {
            if (closed) {
                return;
            }
            long delay = backoff(failures);
            LOG.warn("reconciling {} failed, again in {} ms: {}", name, delay, e.toString());
            if (queued.add(name)) {
                executor.schedule(() -> attempt(name, step, failures + 1), delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Runs {@code task} on the worker and waits until it succeeded: the caller commits its input after this. */
    void runAndWait(Runnable task) {
        for (int failures = 0; !closed; failures++) {
            try {
                executor.submit(task).get();
                return;
            } catch (ExecutionException e) {
                LOG.warn("applying an event failed, again in {} ms: {}", backoff(failures), e.getCause().toString());
                pause(Duration.ofMillis(backoff(failures)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                break;
            }
        }
        throw new IllegalStateException("the operator is stopping");
    }

    private static long backoff(int failures) {
        return Math.min(MAX_BACKOFF_MS, 100L << Math.min(failures, 10));
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
