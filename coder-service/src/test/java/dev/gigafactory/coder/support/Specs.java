package dev.gigafactory.coder.support;

import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.validation.SpecValidator;
import dev.gigafactory.contracts.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test data in one place: specs read and validated as intake would, and plans built around them. */
public final class Specs {

    private static final SpecValidator VALIDATOR = new SpecValidator();

    private Specs() {
    }

    /** One of the repository's example specs, e.g. {@code todo.yaml}. */
    public static ServiceSpec example(String file) {
        return read(Path.of("..", "examples", "specs", file));
    }

    /** A spec under {@code src/test/resources/specs/}. */
    public static ServiceSpec testSpec(String file) {
        return read(Path.of("src", "test", "resources", "specs", file));
    }

    public static ServiceSpec parse(String yaml) {
        ValidationResult result = VALIDATOR.validate(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!result.isValid()) {
            throw new IllegalArgumentException("invalid test spec: " + result.problems());
        }
        return result.spec();
    }

    public static ServiceSpec read(Path path) {
        try {
            ValidationResult result = VALIDATOR.validate(Files.readAllBytes(path));
            if (!result.isValid()) {
                throw new IllegalArgumentException(path + " is not a valid spec: " + result.problems());
            }
            return result.spec();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PlanCreated plan(ServiceSpec spec, int version) {
        return plan(spec, version, 1);
    }

    public static PlanCreated plan(ServiceSpec spec, int version, int attempt) {
        PlanTask task = new PlanTask("code", "generate-code", spec.name(), List.of(), List.of("spec"),
                List.of("source"));
        return new PlanCreated(spec.name(), version, attempt, PlanCreated.PlanKind.INITIAL, spec, List.of(task),
                List.of(), "test");
    }
}
