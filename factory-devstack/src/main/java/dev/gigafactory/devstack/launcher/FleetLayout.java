package dev.gigafactory.devstack.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things go under the state dir, and where the service jars come from. */
public final class FleetLayout {

    private FleetLayout() {
    }

    static Path log(Path stateDir, String service) {
        return stateDir.resolve("logs").resolve(service + ".log");
    }

    static Path artifacts(Path stateDir) {
        return stateDir.resolve("artifacts");
    }

    static Path workDir(Path stateDir, ServiceDef service) {
        return stateDir.resolve("work").resolve(service.name());
    }

    /** Where the fleet's deployer keeps the products it runs ({@code <spec>/v<n>/}): a product's jar lives here. */
    public static Path productsDir(Path stateDir) {
        return workDir(stateDir, ServiceDef.named("deployer-service")).resolve("products").toAbsolutePath().normalize();
    }

    static Path requireJar(Path repoRoot, ServiceDef service) {
        Path jar = service.jar(repoRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -DskipTests install,"
                    + " or just ./factory up, which builds on first use)");
        }
        return jar;
    }
}
