package dev.gigafactory.planner;

import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.spec.SpecDiff;
import dev.gigafactory.contracts.validation.SpecValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Inputs the planner sees, built from the example specs. */
public final class PlannerSamples {

    private PlannerSamples() {
    }

    public static ServiceSpec library(String name) {
        try {
            String yaml = Files.readString(Path.of("..", "examples", "specs", "library.yaml"))
                    .replace("name: library", "name: " + name);
            return new SpecValidator().validate(yaml.getBytes()).spec();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SpecAccepted accepted(ServiceSpec spec, int version, ServiceSpec previous) {
        List<SpecChange> changes = SpecDiff.between(previous, spec);
        return new SpecAccepted(spec.name(), version, 1, "sha256:" + "d".repeat(64), spec, changes, Instant.now());
    }

    public static TestsCompleted failed(ServiceSpec spec, int attempt) {
        return new TestsCompleted(spec.name(), 1, attempt, false, "sha256:" + "e".repeat(64), null, List.of(),
                "step 0 of 'create': expected 201 but was 500", "", 100, spec);
    }
}
