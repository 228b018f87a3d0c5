package dev.gigafactory.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.codec.InvalidEventException;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.devstack.launcher.ServiceDef;
import dev.gigafactory.e2e.FleetProducts;
import dev.gigafactory.e2e.FleetSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;

/** What every chaos scenario does around its fault: a batch of small specs in, and "each ran exactly once" out. */
final class Pipeline {

    static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    private Pipeline() {
    }

    /** Names unique to this test run, so a scenario never sees another's specs. */
    static List<String> names(String scenario, int count) {
        return IntStream.range(0, count).mapToObj(i -> scenario + "-" + RUN + "-" + i).toList();
    }

    static void submit(Fleet fleet, Collection<String> names) {
        try (KafkaProducer<String, byte[]> producer = FleetSupport.producer(fleet.kafkaBootstrapServers())) {
            names.forEach(name -> FleetSupport.publish(producer, name, FleetSupport.spec(name)));
        }
    }

    /** The records on a topic whose key is one of {@code names}. */
    static List<ConsumerRecord<String, byte[]>> recordsOf(Fleet fleet, String topic, Collection<String> names) {
        return FleetSupport.readAll(fleet.kafkaBootstrapServers(), topic).stream()
                .filter(r -> r.key() != null && names.contains(r.key())).toList();
    }

    static long keysOn(Fleet fleet, String topic, Collection<String> names) {
        return recordsOf(fleet, topic, names).stream().map(ConsumerRecord::key).distinct().count();
    }

    static void awaitKeys(Fleet fleet, String topic, Collection<String> names, long count, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        while (keysOn(fleet, topic, names) < count) {
            if (deadline.passed()) {
                throw new AssertionError("only " + keysOn(fleet, topic, names) + " of " + count + " specs reached "
                        + topic + " within " + timeout + "; logs in " + fleet.stateDir().resolve("logs"));
            }
            pause(200);
        }
    }

    /** Polls the status API until every spec runs; returns each one's last status. */
    static Map<String, JsonNode> awaitRunning(Fleet fleet, Collection<String> names) {
        Deadline deadline = Deadline.after(RUNNING_TIMEOUT);
        Map<String, JsonNode> last = new LinkedHashMap<>();
        while (true) {
            for (String name : names) {
                if (!isRunning(last.get(name))) {
                    last.put(name, FleetSupport.getJson(fleet.url(ServiceDef.INTAKE).resolve("/api/specs/" + name)));
                }
            }
            if (last.values().stream().allMatch(Pipeline::isRunning)) {
                return last;
            }
            if (deadline.passed()) {
                throw new AssertionError("not every spec was running within " + RUNNING_TIMEOUT + "; last status: "
                        + summary(last) + "; logs in " + fleet.stateDir().resolve("logs"));
            }
            pause(500);
        }
    }

    /** No spec lost, no version duplicated, no product deployed (or left running) twice. */
    static void assertEachRanExactlyOnce(Fleet fleet, Collection<String> names) {
        Map<String, JsonNode> status = awaitRunning(fleet, names);
        List<ConsumerRecord<String, byte[]>> accepted = recordsOf(fleet, Topics.SPECS_ACCEPTED, names);
        List<ConsumerRecord<String, byte[]>> deployed = recordsOf(fleet, Topics.DEPLOYMENTS_COMPLETED, names);
        for (String name : names) {
            JsonNode spec = status.get(name);
            assertThat(spec.path("version").asInt()).as("%s's newest version", name).isEqualTo(1);
            assertThat(answers(URI.create(spec.get("url").asText() + "/notes"))).as("%s's product at %s answers",
                    name, spec.get("url").asText()).isTrue();
            assertThat(accepted.stream().filter(r -> name.equals(r.key())).map(Pipeline::decode)
                    .filter(SpecAccepted.class::isInstance).map(e -> ((SpecAccepted) e).version()).distinct().toList())
                    .as("%s's accepted versions", name)
                    .containsExactly(1);
            assertThat(deployed.stream().filter(r -> name.equals(r.key())).filter(Pipeline::isFirstDeploy)
                    .map(FleetSupport::ceId).distinct().count()).as("%s's distinct deploy event ids", name)
                    .isEqualTo(1);
            assertThat(products(fleet, name)).as("%s's live product processes", name).isEqualTo(1);
        }
    }

    private static boolean isFirstDeploy(ConsumerRecord<String, byte[]> record) {
        return decode(record) instanceof DeploymentCompleted d && d.succeeded() && !d.isRemediation()
                && d.version() == 1;
    }

    /** The record's event, or null for one that is no CloudEvent (a chaos test's own poison). */
    static FactoryEvent decode(ConsumerRecord<String, byte[]> record) {
        try {
            return CloudEventCodec.decode(record.headers(), record.value()).data();
        } catch (InvalidEventException e) {
            return null;
        }
    }

    /** Live processes running the spec's product from the deployer's products dir in this fleet. */
    static long products(Fleet fleet, String name) {
        return FleetProducts.of(fleet, name).size();
    }

    /** Every service of the fleet but {@code except} answers its readiness probe with 200. */
    static void assertOthersReady(Fleet fleet, String except) {
        for (ServiceDef service : ServiceDef.ALL) {
            if (!service.name().equals(except)) {
                URI ready = fleet.url(service.name()).resolve("/q/health/ready");
                assertThat(answers(ready)).as("%s is ready while %s is down", service.name(), except).isTrue();
            }
        }
    }

    /**
     * Every service answers its readiness probe with 200 again within {@code timeout}: after an outage of shared
     * infrastructure a service may report not ready for a moment (as a readiness probe should), never for good.
     */
    static void awaitAllReady(Fleet fleet, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        for (ServiceDef service : ServiceDef.ALL) {
            URI ready = fleet.url(service.name()).resolve("/q/health/ready");
            while (!answers(ready)) {
                if (deadline.passed()) {
                    throw new AssertionError(service.name() + " is not ready " + timeout + " after the outage; logs in "
                            + fleet.stateDir().resolve("logs"));
                }
                pause(250);
            }
        }
    }

    static boolean answers(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isRunning(JsonNode status) {
        return status != null && "running".equals(status.path("stage").asText()) && status.hasNonNull("url");
    }

    private static String summary(Map<String, JsonNode> last) {
        StringBuilder out = new StringBuilder();
        last.forEach((name, status) -> out.append("\n  ").append(name).append(": ").append(status == null
                ? "unknown to intake"
                : status.path("stage").asText() + " v" + status.path("version").asInt() + " "
                        + Objects.toString(status.path("timeline"), "")));
        return out.toString();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Set<String> union(Collection<String> a, Collection<String> b) {
        Set<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
