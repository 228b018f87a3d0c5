package dev.gigafactory.deployer.health;

import dev.gigafactory.deployer.config.FactoryPaths;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when products can be placed (work dir writable) and artifacts can be read (store present). */
@Readiness
@ApplicationScoped
public class WorkDirHealthCheck implements HealthCheck {

    private final FactoryPaths paths;

    public WorkDirHealthCheck(FactoryPaths paths) {
        this.paths = paths;
    }

    @Override
    public HealthCheckResponse call() {
        Path work = Path.of(paths.workDir());
        boolean writable;
        try {
            Files.createDirectories(work);
            writable = Files.isWritable(work);
        } catch (IOException e) {
            writable = false;
        }
        return HealthCheckResponse.named("deployer-work-dir")
                .status(writable)
                .withData("workDir", work.toAbsolutePath().toString())
                .withData("artifactsDir", Path.of(paths.artifactsDir()).toAbsolutePath().toString())
                .build();
    }
}
