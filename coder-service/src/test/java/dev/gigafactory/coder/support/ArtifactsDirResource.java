package dev.gigafactory.coder.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** Points the service's artifact store at a fresh temporary directory for the test run. */
public class ArtifactsDirResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            return Map.of("factory.artifacts-dir", Files.createTempDirectory("coder-artifacts-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // left for inspection after a failure; it lives under the system temp directory
    }
}
