package dev.gigafactory.planner.service;

import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.spec.EntitySpec;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The task graph of a spec: every task names what it depends on, what it reads and what it writes. */
final class TaskGraph {

    private TaskGraph() {
    }

    static List<PlanTask> allTasks(ServiceSpec spec) {
        List<PlanTask> tasks = new ArrayList<>();
        tasks.add(task("scaffold", "scaffold", spec.name(), List.of(), List.of("spec"),
                List.of("gigafactory-product.properties", "Main.java", "Json.java", "README.md", "build.sh")));
        tasks.add(task("storage", "storage", spec.name(), List.of("scaffold"), List.of("entities"),
                List.of("Journal.java")));
        List<String> apis = new ArrayList<>();
        for (EntitySpec entity : spec.spec().entities()) {
            String id = "api-" + entity.pluralOrDefault();
            apis.add(id);
            tasks.add(task(id, "entity-api", entity.name(), List.of("storage"), List.of("entity:" + entity.name()),
                    List.of(entity.name() + ".java", entity.name() + "Routes.java")));
        }
        tasks.add(task("validation", "validation", spec.name(), apis, List.of("fields"), List.of("Validation.java")));
        tasks.add(task("observability", "observability", spec.name(), List.of("scaffold"), List.of("slo"),
                List.of("Metrics.java")));
        tasks.add(task("acceptance-tests", "acceptance-tests", spec.name(), List.of("validation"),
                List.of("acceptance"), List.of("ProductTest.java")));
        tasks.add(task("packaging", "packaging", spec.name(), List.of("validation", "observability",
                "acceptance-tests"), List.of("sources"), List.of("app.jar")));
        return tasks;
    }

    /** Only the tasks the change list touches, plus the packaging that always follows. */
    static List<PlanTask> affectedTasks(ServiceSpec spec, List<SpecChange> changes) {
        Set<String> touchedEntities = changes.stream()
                .filter(change -> Set.of("entity", "field", "operation").contains(change.target()))
                .map(change -> change.path().split("\\.")[0])
                .collect(Collectors.toSet());
        boolean acceptanceChanged = changes.stream().anyMatch(change -> change.target().equals("acceptance"));
        List<String> keep = new ArrayList<>(List.of("packaging"));
        spec.spec().entities().stream().filter(entity -> touchedEntities.contains(entity.name()))
                .forEach(entity -> keep.add("api-" + entity.pluralOrDefault()));
        if (!touchedEntities.isEmpty()) {
            keep.addAll(List.of("storage", "validation"));
        }
        if (acceptanceChanged || !touchedEntities.isEmpty()) {
            keep.add("acceptance-tests");
        }
        if (changes.stream().anyMatch(change -> change.target().equals("slo"))) {
            keep.add("observability");
        }
        return allTasks(spec).stream().filter(task -> keep.contains(task.id())).toList();
    }

    private static PlanTask task(String id, String kind, String target, List<String> dependsOn, List<String> inputs,
            List<String> outputs) {
        return new PlanTask(id, kind, target, dependsOn, inputs, outputs);
    }
}
