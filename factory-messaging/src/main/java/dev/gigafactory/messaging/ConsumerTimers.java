package dev.gigafactory.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where a hop's time goes, per topic: {@code gigafactory.consumer.wait} from the record's timestamp (its producer's
 * send) to the listener picking it up (broker, fetch, queueing), and {@code gigafactory.consumer.processing} from
 * there to done (the service's own work, retries included).
 */
public final class ConsumerTimers {

    /** Histogram buckets around the 30 ms a hop may cost, so dashboards can take quantiles across instances. */
    private static final Duration[] BUCKETS = java.util.stream.LongStream.of(5, 10, 20, 30, 50, 100, 250, 1000, 5000)
            .mapToObj(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry meters;
    private final Map<String, Timer> waits = new ConcurrentHashMap<>();
    private final Map<String, Timer> processing = new ConcurrentHashMap<>();

    public ConsumerTimers(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Notes how long the record waited; returns when its processing started (for {@link #processed}). */
    long picked(ConsumerRecord<?, ?> record) {
        long waited = System.currentTimeMillis() - record.timestamp();
        if (record.timestamp() > 0 && waited >= 0) {
            timer(waits, "gigafactory.consumer.wait", record.topic()).record(Duration.ofMillis(waited));
        }
        return System.nanoTime();
    }

    void processed(ConsumerRecord<?, ?> record, long startedNanos) {
        timer(processing, "gigafactory.consumer.processing", record.topic())
                .record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private Timer timer(Map<String, Timer> timers, String name, String topic) {
        return timers.computeIfAbsent(topic, t -> Timer.builder(name).tag("topic", t)
                .description("consumer time per record, by topic").serviceLevelObjectives(BUCKETS)
                .register(meters));
    }
}
