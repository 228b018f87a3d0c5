package dev.gigafactory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.codec.InvalidEventException;
import dev.gigafactory.contracts.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RecordProcessingTest {

    private static final ConsumerRecord<String, byte[]> RECORD = new ConsumerRecord<>(Topics.PLANS_CREATED, 2, 41,
            System.currentTimeMillis(), TimestampType.CREATE_TIME, 0, 0, "todo", new byte[0], new RecordHeaders(),
            Optional.empty());
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 5, 2);

    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final RecordProcessing processing = new RecordProcessing(shutdown, FAST,
            new ConsumerTimers(new SimpleMeterRegistry()));
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void blockingWorkRidesOutAnOutageAndSucceedsOnce() {
        processing.blocking(RECORD, () -> {
            if (attempts.incrementAndGet() < 6) {
                throw new IllegalStateException(new ConnectException("Connection refused"));
            }
        });

        assertThat(attempts).hasValue(6);
    }

    @Test
    void timesHowLongARecordWaitedAndHowLongItTookPerTopic() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RecordProcessing timed = new RecordProcessing(shutdown, FAST, new ConsumerTimers(meters));

        timed.blocking(RECORD, attempts::incrementAndGet);

        assertThat(meters.get("gigafactory.consumer.wait").tag("topic", Topics.PLANS_CREATED).timer().count())
                .isEqualTo(1);
        assertThat(meters.get("gigafactory.consumer.processing").tag("topic", Topics.PLANS_CREATED).timer()
                .count()).isEqualTo(1);
    }

    @Test
    void blockingPoisonFailsAtOnceForTheDeadLetterTopic() {
        assertThatThrownBy(() -> processing.blocking(RECORD, () -> {
            attempts.incrementAndGet();
            throw new InvalidEventException("data is not valid");
        })).isInstanceOf(InvalidEventException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void blockingDefectIsTriedThreeTimesThenGivenUp() {
        assertThatThrownBy(() -> processing.blocking(RECORD, () -> {
            attempts.incrementAndGet();
            throw new NullPointerException("bug");
        })).isInstanceOf(NullPointerException.class);

        assertThat(attempts).hasValue(3);
    }

    @Test
    void nothingStartsOnceTheServiceIsStopping() {
        shutdown.stop();

        assertThatThrownBy(() -> processing.blocking(RECORD, attempts::incrementAndGet))
                .isInstanceOf(HandedBackException.class);
        assertThat(attempts).hasValue(0);
    }

    @Test
    void aFailureWhileStoppingIsHandedBackNotDeadLettered() {
        assertThatThrownBy(() -> processing.blocking(RECORD, () -> {
            attempts.incrementAndGet();
            shutdown.stop(); // the run's processes were killed by the shutdown
            throw new IllegalStateException("product exited");
        })).isInstanceOf(HandedBackException.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void reactiveWorkRidesOutAnOutageAndSucceedsOnce() {
        processing.reactive(RECORD, () -> attempts.incrementAndGet() < 4
                ? Uni.createFrom().failure(new ConnectException("Connection refused"))
                : Uni.createFrom().voidItem()).await().atMost(Duration.ofSeconds(10));

        assertThat(attempts).hasValue(4);
    }

    @Test
    void reactivePoisonFailsAtOnce() {
        Uni<Void> poisoned = processing.reactive(RECORD, () -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new InvalidEventException("data is not valid"));
        });

        assertThatThrownBy(() -> poisoned.await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(InvalidEventException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void reactiveFailureWhileStoppingIsHandedBack() {
        Uni<Void> interrupted = processing.reactive(RECORD, () -> {
            attempts.incrementAndGet();
            shutdown.stop();
            return Uni.createFrom().failure(new ConnectException("Connection refused"));
        });

        assertThatThrownBy(() -> interrupted.await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(HandedBackException.class);
        assertThat(attempts).hasValue(1);
    }
}
