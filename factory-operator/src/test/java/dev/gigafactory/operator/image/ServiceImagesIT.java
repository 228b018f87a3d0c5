package dev.gigafactory.operator.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The six services' images (-Dimage in each, or deploy/images/build-images.sh, before this module's -Dimage verify):
 * the Quarkus fast-jar at /deployments run by {@code java -jar}, as 185, on 8080, and nothing of Jib's own /app
 * layout; the tester's with bubblewrap for its sandbox.
 */
class ServiceImagesIT {

    @ParameterizedTest
    @ValueSource(strings = {"spec-intake-service", "planner-service", "coder-service", "tester-service",
            "deployer-service", "monitor-service"})
    void theServiceRunsItsFastJarAsANonRootUserOnPort8080(String service) throws IOException {
        Path tarball = Path.of("..", service, "target", "jib-image.tar");
        assertThat(tarball).as("build it first: ./mvnw -pl %s package -DskipTests -Dimage", service).exists();
        ImageTarball image = new ImageTarball(tarball);
        JsonNode config = image.config();
        List<String> files = image.files();

        assertThat(config.get("Entrypoint").toString())
                .isEqualTo("[\"java\",\"-XX:MaxRAMPercentage=75\",\"-jar\",\"/deployments/quarkus-run.jar\"]");
        assertThat(config.get("User").asText()).isEqualTo("185:185");
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(files).contains("deployments/quarkus-run.jar", "deployments/quarkus/quarkus-application.dat",
                "opt/java/bin/java");
        assertThat(files).noneMatch(path -> path.startsWith("app/"));
        if (service.equals("tester-service")) {
            assertThat(files).contains("usr/bin/bwrap");
        } else {
            assertThat(files).doesNotContain("usr/bin/bwrap");
        }
        assertThat(Files.readString(tarball.resolveSibling("jib-image.digest"))).matches("sha256:[0-9a-f]{64}");
    }
}
