package dev.gigafactory.contracts.events;

import java.util.List;

/** One node of a plan: what to produce ({@code outputs}) from what ({@code inputs}), after which tasks. */
public record PlanTask(String id, String kind, String target, List<String> dependsOn, List<String> inputs,
        List<String> outputs) {
}
