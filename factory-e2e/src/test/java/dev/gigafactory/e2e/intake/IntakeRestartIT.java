package dev.gigafactory.e2e.intake;

import static dev.gigafactory.e2e.FleetSupport.ceId;
import static dev.gigafactory.e2e.FleetSupport.publish;
import static dev.gigafactory.e2e.FleetSupport.readAll;
import static dev.gigafactory.e2e.FleetSupport.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.devstack.launcher.FleetOptions;
import dev.gigafactory.devstack.launcher.ServiceDef;
import dev.gigafactory.e2e.FleetSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Intake as its own process, restarted: it loses nothing it accepted and announces nothing twice. */
class IntakeRestartIT {

    private static Fleet fleet;

    @BeforeAll
    static void start() throws Exception {
        Path repo = Fleet.findRepoRoot(Path.of("").toAbsolutePath());
        fleet = Fleet.start(FleetOptions.defaults(repo).withStateDir(Files.createTempDirectory("intake-restart-"))
                .withServices(List.of(ServiceDef.named(ServiceDef.INTAKE))));
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aGracefulRestartLosesNothingAndReEmitsNothing() {
        try (KafkaProducer<String, byte[]> producer = FleetSupport.producer(fleet.kafkaBootstrapServers())) {
            IntStream.range(0, 20).forEach(i -> publish(producer, "calm-" + i, spec("calm-" + i)));
            awaitAccepted(name -> name.startsWith("calm-"), 20);

            fleet.stopService(ServiceDef.INTAKE);
            fleet.startService(ServiceDef.INTAKE);
            IntStream.range(0, 20).forEach(i -> publish(producer, "calm-" + i, spec("calm-" + i)));
            IntStream.range(20, 30).forEach(i -> publish(producer, "calm-" + i, spec("calm-" + i)));
            awaitAccepted(name -> name.startsWith("calm-"), 30);
        }

        List<ConsumerRecord<String, byte[]>> accepted = acceptedOf(name -> name.startsWith("calm-"));
        assertThat(accepted).hasSize(30);
        assertThat(accepted.stream().map(FleetSupport::ceId).distinct()).hasSize(30);
        assertThat(FleetSupport.getJson(fleet.url(ServiceDef.INTAKE).resolve("/api/specs/calm-3"))
                .path("version").asInt()).isEqualTo(1);
    }

    @Test
    void aKilledIntakeResumesWithEverySpecAcceptedOnce() {
        try (KafkaProducer<String, byte[]> producer = FleetSupport.producer(fleet.kafkaBootstrapServers())) {
            IntStream.range(0, 40).forEach(i -> publish(producer, "crash-" + i, spec("crash-" + i)));
            fleet.killService(ServiceDef.INTAKE);
            IntStream.range(40, 60).forEach(i -> publish(producer, "crash-" + i, spec("crash-" + i)));
            fleet.startService(ServiceDef.INTAKE);
            awaitAccepted(name -> name.startsWith("crash-"), 60);
        }

        List<ConsumerRecord<String, byte[]>> accepted = acceptedOf(name -> name.startsWith("crash-"));
        Set<String> ids = accepted.stream().map(FleetSupport::ceId).collect(Collectors.toSet());
        // A kill between the broker's ack and the outbox mark may re-send a version: with the same id, never a new one.
        assertThat(ids).hasSize(60);
        assertThat(accepted.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).hasSize(60);
    }

    private static void awaitAccepted(Predicate<String> names, int count) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> acceptedOf(names)
                .stream().map(ConsumerRecord::key).distinct().count() >= count);
    }

    private static List<ConsumerRecord<String, byte[]>> acceptedOf(Predicate<String> names) {
        return readAll(fleet.kafkaBootstrapServers(), Topics.SPECS_ACCEPTED).stream()
                .filter(record -> record.key() != null && names.test(record.key())).toList();
    }
}
