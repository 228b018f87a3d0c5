package dev.gigafactory.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * What every listener wraps its work in. A failure is retried per the {@link RetryPolicy}: an outage is waited out
 * with the partition held (nothing behind the record may overtake it), a poison record fails at once so the channel's
 * failure strategy dead-letters it. Once the service is stopping nothing new starts and nothing is retried: the
 * record is handed back ({@link HandedBackException}) and redelivered after the restart.
 */
@Singleton
public class RecordProcessing {

    private static final Logger LOG = Logger.getLogger(RecordProcessing.class);
    // An outage retries every couple of seconds: one line now and then says it is still going on.
    private static final int LOG_EVERY = 10;

    private final ShutdownSignal shutdown;
    private final RetryPolicy policy;
    private final ConsumerTimers timers;

    @Inject
    public RecordProcessing(ShutdownSignal shutdown, MeterRegistry meters) {
        this(shutdown, RetryPolicy.DEFAULT, new ConsumerTimers(meters));
    }

    public RecordProcessing(ShutdownSignal shutdown, RetryPolicy policy, ConsumerTimers timers) {
        this.shutdown = shutdown;
        this.policy = policy;
        this.timers = timers;
    }

    /** For {@code @Blocking} listeners: runs {@code work} on this worker thread until it succeeds or must fail. */
    public void blocking(ConsumerRecord<?, ?> record, Runnable work) {
        String what = describe(record);
        long started = timers.picked(record);
        for (int retries = 0;; retries++) {
            handBackIfStopping(what, null);
            try {
                work.run();
                timers.processed(record, started);
                return;
            } catch (HandedBackException e) {
                throw e;
            } catch (RuntimeException e) {
                handBackIfStopping(what, e);
                Duration delay = nextDelay(what, e, retries).orElseThrow(() -> e);
                if (shutdown.awaitStopping(delay)) {
                    handBackIfStopping(what, e);
                }
            }
        }
    }

    /** For reactive listeners: subscribes to {@code work} again after each retryable failure, with back-off. */
    public Uni<Void> reactive(ConsumerRecord<?, ?> record, Supplier<Uni<Void>> work) {
        String what = describe(record);
        long started = timers.picked(record);
        AtomicInteger retries = new AtomicInteger();
        return Uni.createFrom().deferred(() -> {
            handBackIfStopping(what, null);
            return work.get();
        }).onFailure(failure -> !(failure instanceof HandedBackException) && !shutdown.stopping()
                && nextDelay(what, failure, retries.getAndIncrement()).isPresent())
                .retry().withBackOff(policy.firstDelay(), policy.maxDelay()).indefinitely()
                .invoke(() -> timers.processed(record, started))
                .onFailure(failure -> !(failure instanceof HandedBackException) && shutdown.stopping())
                .transform(failure -> handedBack(what, failure));
    }

    private Optional<Duration> nextDelay(String what, Throwable failure, int retries) {
        FailureKind kind = Failures.classify(failure);
        Optional<Duration> delay = policy.next(kind, retries);
        if (delay.isEmpty() && kind == FailureKind.POISON) {
            LOG.warnf("%s is poison, for the dead-letter topic: %s", what, summary(failure));
        } else if (delay.isEmpty()) {
            LOG.errorf(failure, "%s failed (%s) after %d retries: giving the record up to the failure strategy",
                    what, kind, retries);
        } else if (retries % LOG_EVERY == 0) {
            LOG.warnf("%s failed (%s), retrying (retry %d): %s", what, kind, retries + 1, summary(failure));
        }
        return delay;
    }

    private void handBackIfStopping(String what, Throwable failure) {
        if (shutdown.stopping()) {
            throw handedBack(what, failure);
        }
    }

    private static HandedBackException handedBack(String what, Throwable failure) {
        return new HandedBackException(what + ": the service is stopping; the record is handed back", failure);
    }

    /** "topic-partition@offset (key)": enough to find the record with any Kafka tool. */
    static String describe(ConsumerRecord<?, ?> record) {
        Object key = record.key() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : record.key();
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " (key " + key + ")";
    }

    private static String summary(Throwable failure) {
        StringBuilder out = new StringBuilder(String.valueOf(failure));
        for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
            out.append(" <- ").append(cause);
            if (cause.getCause() == cause) {
                break;
            }
        }
        return out.toString();
    }
}
