package dev.gigafactory.devstack.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One of the factory's services as the launcher runs it: its module folder and, if it has one, its database. */
public record ServiceDef(String name, Optional<String> database) {

    /** The fleet, in start order. A service that needs a database names it here; the launcher creates it. */
    public static final List<ServiceDef> ALL = List.of(
            new ServiceDef("spec-intake-service", Optional.of("intake")),
            new ServiceDef("planner-service", Optional.of("planner")),
            new ServiceDef("coder-service", Optional.empty()),
            new ServiceDef("tester-service", Optional.empty()),
            new ServiceDef("deployer-service", Optional.of("deployer")),
            new ServiceDef("monitor-service", Optional.of("monitor")));

    public static final String INTAKE = "spec-intake-service";
    public static final String TESTER = "tester-service";

    public static ServiceDef named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name + "; known: "
                        + ALL.stream().map(ServiceDef::name).toList()));
    }

    /** Where {@code mvn package} leaves the Quarkus fast-jar. */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
