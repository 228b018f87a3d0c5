package dev.gigafactory.planner.service;

import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Which of a version's tasks the coder must run: all of them, or only those a change list touches. */
final class TaskGraph {

    private static final Set<String> ENTITY_TARGETS = Set.of("entity", "field", "operation");

    private TaskGraph() {
    }

    static List<PlanTask> allTasks(ServiceSpec spec) {
        return PlanTask.every(spec);
    }

    /** Whether an incremental plan can keep files from the previous version at all. */
    static boolean keepsAnything(List<SpecChange> changes) {
        return changes.stream().noneMatch(change -> change.target().equals("stack"));
    }

    /**
     * The tasks whose files can differ from the previous version's. Stack-neutral: a stack may write the same bytes
     * again for a task listed here, but never different bytes for a task left out.
     */
    static List<PlanTask> affectedTasks(ServiceSpec spec, List<SpecChange> changes) {
        Set<String> entities = changes.stream().filter(change -> ENTITY_TARGETS.contains(change.target()))
                .map(change -> change.path().split("\\.")[0])
                .collect(Collectors.toSet());
        boolean entitiesChanged = !entities.isEmpty();
        return PlanTask.every(spec).stream().filter(task -> switch (task.kind()) {
            case PROJECT -> true;
            case RUNTIME -> false;
            case ENTITY -> entities.contains(task.target());
            case ENTRY_POINT -> touches(changes, "entity") || touches(changes, "operation");
            case REQUIREMENTS -> entitiesChanged || touches(changes, "requirements");
            case TESTS -> entitiesChanged || touches(changes, "acceptance");
        }).toList();
    }

    private static boolean touches(List<SpecChange> changes, String target) {
        return changes.stream().anyMatch(change -> change.target().equals(target));
    }
}
