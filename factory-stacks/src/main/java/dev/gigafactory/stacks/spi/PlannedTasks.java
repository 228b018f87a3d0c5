package dev.gigafactory.stacks.spi;

import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The tasks a plan asks a stack to run, checked against the tasks the version has. */
public final class PlannedTasks {

    private PlannedTasks() {
    }

    /**
     * The ids of the plan's tasks, in the plan's order.
     *
     * @throws UnsafeSpecException naming every task the version does not have and every task listed twice
     */
    public static Set<String> idsOf(PlanCreated plan, List<PlanTask> every) {
        Set<String> planned = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (PlanTask task : plan.tasks() == null ? List.<PlanTask>of() : plan.tasks()) {
            if (task == null || !every.contains(task)) {
                problems.add("the plan asks for task " + (task == null ? "null" : "'" + task.id() + "'")
                        + ", which version " + plan.version() + " does not have");
            } else if (!planned.add(task.id())) {
                problems.add("the plan lists task '" + task.id() + "' twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new UnsafeSpecException(plan.spec(), problems);
        }
        return planned;
    }
}
