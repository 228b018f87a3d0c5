package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.spec.ServiceDefinition;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.util.List;

/**
 * Quarkus spec documents and plans for them. Intake validation does not accept {@code stack: quarkus} yet, so the
 * document is an example with its stack replaced.
 */
final class QuarkusSpecs {

    private QuarkusSpecs() {
    }

    static ServiceSpec todo() {
        return onQuarkus(ExampleSpecs.example("todo.yaml"));
    }

    /** The todo example with a date field added: version 2 of it. */
    static ServiceSpec todoWithReorderAt() {
        return onQuarkus(ExampleSpecs.parse(ExampleSpecs.text("todo.yaml")
                .replace("        - { name: estimate,", "        - { name: reorderAt, type: date }\n"
                        + "        - { name: estimate,")));
    }

    static ServiceSpec onQuarkus(ServiceSpec spec) {
        ServiceDefinition definition = spec.spec();
        return new ServiceSpec(spec.apiVersion(), spec.kind(), spec.metadata(), new ServiceDefinition(
                definition.description(), QuarkusStack.NAME, definition.requirements(), definition.entities(),
                definition.acceptance(), definition.slo(), definition.replicas()));
    }

    /** Every task of the version, on the base tree named (or none). */
    static PlanCreated full(ServiceSpec spec, int version, String base) {
        return plan(spec, version, PlanTask.every(spec), base);
    }

    static PlanCreated plan(ServiceSpec spec, int version, List<PlanTask> tasks, String base) {
        return new PlanCreated(spec.name(), version, 1, base == null ? PlanKind.INITIAL : PlanKind.INCREMENTAL,
                spec, tasks, List.of(), "test", null, base);
    }
}
