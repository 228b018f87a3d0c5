package dev.gigafactory.operator.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The image Jib wrote (-Dimage): what a cluster would run, read from its own config, without a daemon. */
class OperatorImageIT {

    static final Path IMAGE = Path.of("target", "jib-image.tar");

    @Test
    void theImageRunsTheOperatorAsANonRootUserOnItsHealthPort() throws IOException {
        ImageTarball image = new ImageTarball(IMAGE);
        JsonNode config = image.config();

        assertThat(config.get("Entrypoint").toString()).contains("java", "dev.gigafactory.operator.OperatorMain");
        assertThat(config.get("User").asText()).isEqualTo("185:185");
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.get("Env").toString()).contains("PATH=/opt/java/bin");
        assertThat(image.layers()).isGreaterThan(1);
        assertThat(Files.readString(Path.of("target", "jib-image.digest"))).matches("sha256:[0-9a-f]{64}");
    }
}
