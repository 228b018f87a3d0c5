package dev.gigafactory.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * {@code failure-strategy=hand-back-or-dead-letter}: a record given up on goes to the dead-letter topic (the
 * channel's {@code dead-letter-queue.*} settings apply unchanged), except when the service is stopping: then it is
 * neither acknowledged nor dead-lettered, its offset is not committed, and it is redelivered after the restart.
 */
@ApplicationScoped
@Identifier(HandBackFailureStrategy.NAME)
public class HandBackFailureStrategy implements KafkaFailureHandler.Factory {

    public static final String NAME = "hand-back-or-dead-letter";
    private static final Logger LOG = Logger.getLogger(HandBackFailureStrategy.class);

    private final KafkaFailureHandler.Factory deadLetter;
    private final ShutdownSignal shutdown;

    @Inject
    public HandBackFailureStrategy(
            @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetter,
            ShutdownSignal shutdown) {
        this.deadLetter = deadLetter;
        this.shutdown = shutdown;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        return new Handler(config.getChannel(), deadLetter.create(config, vertx, consumer, reportFailure));
    }

    private final class Handler implements KafkaFailureHandler {

        private final String channel;
        private final KafkaFailureHandler deadLetter;

        Handler(String channel, KafkaFailureHandler deadLetter) {
            this.channel = channel;
            this.deadLetter = deadLetter;
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            if (reason instanceof HandedBackException || shutdown.stopping()) {
                LOG.infof("%s: handing back %s-%d offset %d (not committed, redelivered after the restart): %s",
                        channel, record.getTopic(), record.getPartition(), record.getOffset(), reason.getMessage());
                return Uni.createFrom().voidItem();
            }
            return deadLetter.handle(record, reason, metadata);
        }

        @Override
        public void terminate() {
            deadLetter.terminate();
        }
    }
}
