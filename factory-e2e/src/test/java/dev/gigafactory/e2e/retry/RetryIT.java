package dev.gigafactory.e2e.retry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.e2e.FleetSupport;
import dev.gigafactory.e2e.FleetWatch;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new user's second run, through the real launcher: a version failed by an outage (the artifact store lost the
 * jar that passed the gate before the deployer could start it), the outage over, {@code ./factory demo} says at once
 * that the unchanged spec failed and how to retry it, and {@code ./factory retry todo} brings the same document to
 * running.
 */
class RetryIT {

    private static final Duration PIPELINE = Duration.ofMinutes(4);
    private static final String DEPLOYER = "deployer-service";
    private static Path repo;
    private static Fleet fleet;

    @BeforeAll
    static void startFleet() throws IOException {
        repo = Fleet.findRepoRoot(Path.of("").toAbsolutePath());
        fleet = Fleet.start(repo, Files.createTempDirectory("gigafactory-retry-"));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aVersionFailedByAnOutageRunsAfterARetryWithTheSameDigest() throws Exception {
        fleet.stopService(DEPLOYER);
        publish(ExampleSpecs.text("todo.yaml"));
        TestsCompleted passed = FleetWatch.await(fleet, "todo", TestsCompleted.class, TestsCompleted::passed, PIPELINE)
                .data();
        deleteArtifact(passed.artifactDigest());
        fleet.startService(DEPLOYER);
        FleetWatch.await(fleet, "todo", DeploymentCompleted.class, deployment -> !deployment.succeeded(), PIPELINE);
        JsonNode failed = FleetWatch.awaitStatus(fleet, "todo", status -> status.has("retry"), PIPELINE);
        assertThat(failed.path("retry").path("reason").asText()).contains("not in the store");

        Launched demo = launch("demo");
        assertThat(demo.exitCode()).as(demo.output()).isEqualTo(1);
        assertThat(demo.output()).contains("./factory retry todo").contains("not in the store")
                .doesNotContain("gave up after");

        Launched retry = launch("retry", "todo");
        assertThat(retry.exitCode()).as(retry.output()).isZero();
        JsonNode running = FleetWatch.awaitStatus(fleet, "todo", status -> "running".equals(status.path("stage")
                .asText()), PIPELINE);
        assertThat(running.path("version").asInt()).isEqualTo(1);
        assertThat(running.path("digest").asText()).isEqualTo(failed.path("digest").asText());
        assertThat(running.path("timeline").findValuesAsText("stage")).contains("failed", "retried", "running");
        assertThat(FleetSupport.getText(URI.create(running.path("url").asText() + "/todos"))).isEqualTo("[]");
    }

    private static void publish(String document) {
        try (KafkaProducer<String, byte[]> producer = FleetSupport.producer(fleet.kafkaBootstrapServers())) {
            FleetSupport.publish(producer, "todo", document);
        }
    }

    private static void deleteArtifact(String digest) throws IOException {
        String hex = digest.substring(digest.indexOf(':') + 1);
        try (Stream<Path> files = Files.walk(fleet.stateDir().resolve("artifacts"))) {
            List<Path> matches = files.filter(path -> path.getFileName().toString().contains(hex)).toList();
            assertThat(matches).as("the stored jar " + digest).isNotEmpty();
            for (Path match : matches) {
                Files.delete(match);
            }
        }
    }

    private record Launched(int exitCode, String output) {
    }

    /** {@code ./factory ARGS} as a user runs it, against this test's fleet. */
    private static Launched launch(String... args) throws InterruptedException {
        List<String> command = Stream.concat(Stream.of(repo.resolve("factory").toString()), Stream.of(args)).toList();
        try {
            Path output = Files.createTempFile("factory-cli-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("FACTORY_STATE_DIR", fleet.stateDir().toString());
            builder.environment().put("FACTORY_DEMO_TIMEOUT", "240");
            Process process = builder.start();
            // a guard against a hang, not a measurement: the demo must stop at once, long before this
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            return new Launched(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
