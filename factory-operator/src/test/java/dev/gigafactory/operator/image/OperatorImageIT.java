package dev.gigafactory.operator.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The image Jib wrote (-Dimage): what a cluster would run, read from its own config, without a daemon. */
class OperatorImageIT {

    static final Path IMAGE = Path.of("target", "jib-image.tar");

    @Test
    void theImageRunsTheOperatorAsANonRootUserOnItsHealthPort() throws IOException {
        Map<String, byte[]> entries = entries(IMAGE);
        JsonNode manifest = Json.mapper().readTree(entries.get("manifest.json")).get(0);
        JsonNode config = Json.mapper().readTree(entries.get(manifest.get("Config").asText())).get("config");

        assertThat(config.get("Entrypoint").toString()).contains("java", "dev.gigafactory.operator.OperatorMain");
        assertThat(config.get("User").asText()).isEqualTo("185:185");
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.get("Env").toString()).contains("PATH=/opt/java/bin");
        assertThat(manifest.get("Layers").size()).isGreaterThan(1);
        assertThat(Files.readString(Path.of("target", "jib-image.digest"))).matches("sha256:[0-9a-f]{64}");
    }

    /** A tar of small files (manifest, config) and layers: only the small ones are kept. */
    private static Map<String, byte[]> entries(Path tar) throws IOException {
        Map<String, byte[]> small = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).trim().replace("\0", "");
                long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
                long padded = (size + 511) / 512 * 512;
                if (name.endsWith(".json") && size < 1_000_000) {
                    small.put(name.replaceFirst("^\\./", ""), in.readNBytes((int) size));
                    in.skipNBytes(padded - size);
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
        return small;
    }
}
