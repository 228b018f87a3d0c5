package dev.gigafactory.coder.health;

import dev.gigafactory.coder.config.FactoryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when generated trees can be stored: the artifact store's directory exists and is writable. */
@Readiness
@ApplicationScoped
public class ArtifactStoreHealthCheck implements HealthCheck {

    private final FactoryConfig config;

    public ArtifactStoreHealthCheck(FactoryConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Path root = config.artifactsDir().toAbsolutePath();
        boolean writable;
        try {
            Files.createDirectories(root);
            writable = Files.isWritable(root);
        } catch (IOException e) {
            writable = false;
        }
        return HealthCheckResponse.named("artifact-store").status(writable).withData("path", root.toString())
                .build();
    }
}
