package dev.gigafactory.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.codec.CloudEvent;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.InvalidEventException;
import dev.gigafactory.contracts.events.EventType;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.devstack.launcher.ServiceDef;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Following one spec through a running fleet as a user would: its events on the topics, its status in the API. */
public final class FleetWatch {

    private static final long POLL_MILLIS = 200;

    private FleetWatch() {
    }

    /** Every event of this type about the spec, oldest first, read from its topic now. */
    public static <T extends FactoryEvent> List<CloudEvent<T>> events(Fleet fleet, String spec, Class<T> type) {
        List<CloudEvent<T>> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : FleetSupport.readAll(fleet.kafkaBootstrapServers(),
                topicOf(type))) {
            if (spec.equals(record.key())) {
                decode(record, type).ifPresent(events::add);
            }
        }
        return events;
    }

    /** The first event of this type about the spec that matches, once it is on its topic. */
    public static <T extends FactoryEvent> CloudEvent<T> await(Fleet fleet, String spec, Class<T> type,
            Predicate<T> matches, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        while (true) {
            Optional<CloudEvent<T>> found = events(fleet, spec, type).stream()
                    .filter(event -> matches.test(event.data())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (deadline.passed()) {
                throw new AssertionError("no matching " + type.getSimpleName() + " of " + spec + " within " + timeout
                        + "; seen: " + events(fleet, spec, type).stream().map(CloudEvent::data).toList()
                        + "; logs in " + fleet.stateDir().resolve("logs"));
            }
            pause();
        }
    }

    /**
     * Waits until every consumer group reading the topic has committed past the spec's newest event of this type:
     * then each service has acted on it (e.g. the monitor watches the version just deployed, not the one before).
     */
    public static void awaitConsumed(Fleet fleet, String spec, Class<? extends FactoryEvent> type, Duration timeout) {
        ConsumerRecord<String, byte[]> newest = FleetSupport.readAll(fleet.kafkaBootstrapServers(), topicOf(type))
                .stream().filter(record -> spec.equals(record.key())).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " of " + spec + " yet"));
        GroupOffsets.awaitCommittedPast(fleet.kafkaBootstrapServers(),
                Map.of(new TopicPartition(newest.topic(), newest.partition()), newest.offset()), timeout);
    }

    /** {@code GET /api/specs/<path>} on intake, once its answer matches. */
    public static JsonNode awaitStatus(Fleet fleet, String path, Predicate<JsonNode> matches, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        JsonNode last = null;
        while (true) {
            last = FleetSupport.getJson(fleet.url(ServiceDef.INTAKE).resolve("/api/specs/" + path));
            if (last != null && matches.test(last)) {
                return last;
            }
            if (deadline.passed()) {
                throw new AssertionError("GET /api/specs/" + path + " did not reach the expected status within "
                        + timeout + "; last answer: " + last + "; logs in " + fleet.stateDir().resolve("logs"));
            }
            pause();
        }
    }

    /**
     * Waits until the monitor has probed the product at {@code url} and found it healthy (a version it saw healthy is
     * a rollback target). The product counts every /health it answers in its /metrics; the caller must not call it.
     */
    public static void awaitProbedHealthy(String url, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        while (!String.valueOf(FleetSupport.getText(URI.create(url + ProductContract.METRICS_PATH)))
                .contains("route=\"" + ProductContract.HEALTH_PATH + "\",status=\"200\"")) {
            if (deadline.passed()) {
                throw new AssertionError("the monitor did not probe " + url + " within " + timeout);
            }
            pause();
        }
    }

    /** The version's status once it runs (stage running, with its URL); fails early if it failed. */
    public static JsonNode awaitRunning(Fleet fleet, String spec, int version, Duration timeout) {
        return awaitStatus(fleet, spec + "/versions/" + version, status -> {
            if (status.path("stage").asText().equals("failed") || status.path("stage").asText().equals("rejected")) {
                throw new AssertionError(spec + " v" + version + " " + status.path("stage").asText() + ": " + status);
            }
            return status.path("stage").asText().equals("running") && status.hasNonNull("url");
        }, timeout);
    }

    private static <T extends FactoryEvent> Optional<CloudEvent<T>> decode(ConsumerRecord<String, byte[]> record,
            Class<T> type) {
        try {
            return Optional.of(CloudEventCodec.decode(record.headers(), record.value(), type));
        } catch (InvalidEventException e) {
            return Optional.empty(); // another type on a shared topic, or a chaos test's poison
        }
    }

    private static String topicOf(Class<? extends FactoryEvent> type) {
        return Arrays.stream(EventType.values()).filter(t -> t.recordType() == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type + " is no event")).topic();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
