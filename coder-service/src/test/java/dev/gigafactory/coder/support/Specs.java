package dev.gigafactory.coder.support;

import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.spec.ServiceDefinition;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.util.List;

/** Test data in one place: specs read and validated as intake would, and plans built around them. */
public final class Specs {

    private Specs() {
    }

    /** One of the repository's example specs, e.g. {@code todo.yaml}. */
    public static ServiceSpec example(String file) {
        return ExampleSpecs.example(file);
    }

    /** A spec under {@code src/test/resources/specs/}. */
    public static ServiceSpec testSpec(String file) {
        return ExampleSpecs.testSpec(file);
    }

    public static ServiceSpec parse(String yaml) {
        return ExampleSpecs.parse(yaml);
    }

    /**
     * The spec on another stack. Intake validation accepts only jdk-http for now, so a quarkus document is built here
     * rather than parsed.
     */
    public static ServiceSpec onStack(ServiceSpec spec, String stack) {
        ServiceDefinition definition = spec.spec();
        return new ServiceSpec(spec.apiVersion(), spec.kind(), spec.metadata(), new ServiceDefinition(
                definition.description(), stack, definition.requirements(), definition.entities(),
                definition.acceptance(), definition.slo(), definition.replicas()));
    }

    public static PlanCreated plan(ServiceSpec spec, int version) {
        return plan(spec, version, 1);
    }

    public static PlanCreated plan(ServiceSpec spec, int version, int attempt) {
        return new PlanCreated(spec.name(), version, attempt, PlanCreated.PlanKind.INITIAL, spec, PlanTask.every(spec),
                List.of(), "test");
    }
}
