package dev.gigafactory.contracts.events;

import dev.gigafactory.contracts.spec.EntitySpec;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One piece of work a plan asks the coder to do. Every stack writes each file of a product from exactly one task,
 * so a plan that leaves a task out keeps that task's files from the tree it builds on ({@link PlanCreated#baseDigest}).
 *
 * @param id unique in the plan: the kind's wire name, with the entity for {@link Kind#ENTITY} ({@code entity:Todo})
 * @param target the entity's name for {@link Kind#ENTITY}, the spec's name otherwise
 */
public record PlanTask(String id, Kind kind, String target) {

    public enum Kind {
        /** The manifest, build script and README: they name the version, so every plan has this task. */
        PROJECT,
        /** The stack's fixed runtime (HTTP, JSON, storage engine, metrics): depends on nothing in the spec. */
        RUNTIME,
        /** The entry point wiring every entity's store and routes. */
        ENTRY_POINT,
        /** One entity's record, validation and store. */
        ENTITY,
        /** The hook for the spec's prose requirements (the LLM agent writes it). */
        REQUIREMENTS,
        /** The product's own test suite (from its entities and acceptance steps). */
        TESTS;

        public String wireName() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public static PlanTask entity(String entity) {
        return new PlanTask(Kind.ENTITY.wireName() + ":" + entity, Kind.ENTITY, entity);
    }

    public static PlanTask of(Kind kind, String spec) {
        if (kind == Kind.ENTITY) {
            throw new IllegalArgumentException("an entity task names its entity: use PlanTask.entity");
        }
        return new PlanTask(kind.wireName(), kind, spec);
    }

    /** Every task a version of {@code spec} has, in the order a coder runs them. */
    public static List<PlanTask> every(ServiceSpec spec) {
        List<PlanTask> tasks = new ArrayList<>();
        tasks.add(of(Kind.PROJECT, spec.name()));
        tasks.add(of(Kind.RUNTIME, spec.name()));
        for (EntitySpec entity : spec.spec().entities()) {
            tasks.add(entity(entity.name()));
        }
        tasks.add(of(Kind.ENTRY_POINT, spec.name()));
        tasks.add(of(Kind.REQUIREMENTS, spec.name()));
        tasks.add(of(Kind.TESTS, spec.name()));
        return List.copyOf(tasks);
    }
}
