package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.infra.Processes;
import dev.gigafactory.testsupport.KafkaTestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole fleet with real infrastructure and six stand-in service JVMs ({@link FakeService} packed as each module's
 * quarkus-run.jar): what the launcher starts, tells the services, writes down and stops.
 */
class FleetIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;

    private static Path state;
    private static Fleet fleet;
    private static final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startFleet() throws IOException {
        Path root = temp.resolve("repo");
        for (ServiceDef service : ServiceDef.ALL) {
            packFakeService(service.jar(root));
        }
        state = temp.resolve("state");
        fleet = Fleet.start(FleetOptions.defaults(root).withStateDir(state).withProgress(progress::add));
    }

    @AfterAll
    static void stopFleet() {
        fleet.stop();
    }

    @Test
    void writesWhereEverythingListensToFleetJson() {
        FleetFile written = FleetFile.readFrom(state).orElseThrow();

        assertThat(written.kafka()).isEqualTo(fleet.kafkaBootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(written.services().keySet())
                .containsExactlyElementsOf(ServiceDef.ALL.stream().map(ServiceDef::name).toList());
        assertThat(written.services().values()).allMatch(url -> url.matches("http://127\\.0\\.0\\.1:\\d+"));
        assertThat(Fleet.running(state)).hasValue(written);
    }

    @Test
    void givesEachServiceItsInfrastructureAndDirectories() throws Exception {
        Map<String, String> intake = envOf("spec-intake-service");
        Map<String, String> planner = envOf("planner-service");

        assertThat(intake).containsEntry("KAFKA_BOOTSTRAP_SERVERS", fleet.kafkaBootstrapServers())
                .containsEntry("QUARKUS_HTTP_PORT", "0").containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1")
                .containsEntry("FACTORY_ARTIFACTS_DIR", state.resolve("artifacts").toString())
                .containsEntry("FACTORY_WORK_DIR", state.resolve("work/spec-intake-service").toString())
                .containsEntry("CWD", state.resolve("work/spec-intake-service").toString())
                .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL", fleet.postgres().orElseThrow().reactiveUrl("intake"))
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", fleet.postgres().orElseThrow().jdbcUrl("intake"))
                .containsKeys("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
        assertThat(planner).containsEntry("FACTORY_WORK_DIR", state.resolve("work/planner-service").toString())
                .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL",
                        fleet.postgres().orElseThrow().reactiveUrl("planner"));
        assertThat(envOf("coder-service")).doesNotContainKey("QUARKUS_DATASOURCE_REACTIVE_URL");
    }

    @Test
    void theServicesInfrastructureIsReallyThere() throws Exception {
        try (Connection intakeDb = fleet.postgres().orElseThrow().connect("intake")) {
            assertThat(intakeDb.isValid(5)).isTrue();
        }
        try (KafkaTestClient kafka = KafkaTestClient.connect(fleet.kafkaBootstrapServers())) {
            assertThat(kafka.records(Topics.DLQ)).isNotNull();
        }
    }

    @Test
    void logsEachServiceAndReportsProgress() throws IOException {
        assertThat(Files.readString(fleet.log("monitor-service"))).contains("Listening on: http://127.0.0.1:");
        assertThat(progress).anyMatch(line -> line.contains("infrastructure ready"))
                .anyMatch(line -> line.contains("monitor-service ready"));
    }

    @Test
    void aKilledServiceCanBeStartedAgainWhileTheOthersRunOn() throws Exception {
        long oldPid = fleet.pid("coder-service");

        fleet.killService("coder-service");
        assertThat(Processes.alive(oldPid)).isFalse();
        assertThat(FleetFile.readFrom(state).orElseThrow().services()).doesNotContainKey("coder-service");
        assertThat(status(fleet.url("planner-service").resolve("/q/health/ready"))).isEqualTo(200);

        URI url = fleet.startService("coder-service");
        assertThat(status(url.resolve("/q/health/ready"))).isEqualTo(200);
        assertThat(FleetFile.readFrom(state).orElseThrow().service("coder-service")).isEqualTo(url);
        assertThat(PidFile.in(state).pids()).containsEntry("coder-service", fleet.pid("coder-service"));
    }

    private static Map<String, String> envOf(String service) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(fleet.url(service).resolve("/env")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(line -> line.contains("="))
                .collect(java.util.stream.Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1), (a, b) -> b));
    }

    private static int status(URI url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A runnable jar holding just FakeService, at the path a Quarkus build would leave quarkus-run.jar. */
    private static void packFakeService(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                var clazz = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            clazz.transferTo(out);
            out.closeEntry();
        }
    }
}
