package dev.gigafactory.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated part of deploy/kubernetes (base and overlays/dev) is exactly what the catalog, the services'
 * configuration and deploy/prometheus + deploy/grafana say today. After changing any of them:
 * -Dmanifests.update=true.
 */
class GeneratedManifestsTest {

    static Stream<Arguments> files() throws IOException {
        if (Boolean.getBoolean("manifests.update")) {
            Manifests.write();
        }
        return Manifests.generated().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theCheckedInFileIsTheGeneratedOne(String path, String generated) throws IOException {
        assertThat(Files.readString(Manifests.KUBERNETES.resolve(path)))
                .as("%s is stale: run the factory-operator tests with -Dmanifests.update=true", path)
                .isEqualTo(generated);
    }
}
