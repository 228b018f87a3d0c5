package dev.gigafactory.tester.health;

import dev.gigafactory.tester.config.FactoryPaths;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the gate can do its job: write workspaces and store the jars that pass. */
@Readiness
@ApplicationScoped
public class WorkDirsHealthCheck implements HealthCheck {

    private final FactoryPaths paths;

    public WorkDirsHealthCheck(FactoryPaths paths) {
        this.paths = paths;
    }

    @Override
    public HealthCheckResponse call() {
        String work = problem(paths.workDir());
        String artifacts = problem(paths.artifactsDir());
        return HealthCheckResponse.named("tester-directories")
                .status(work == null && artifacts == null)
                .withData("workDir", work == null ? "writable" : work)
                .withData("artifactsDir", artifacts == null ? "writable" : artifacts)
                .build();
    }

    private static String problem(Path directory) {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".health-", ".tmp");
            Files.delete(probe);
            return null;
        } catch (IOException | SecurityException e) {
            return "not writable: " + e.getMessage();
        }
    }
}
