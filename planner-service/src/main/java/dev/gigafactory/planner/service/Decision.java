package dev.gigafactory.planner.service;

import dev.gigafactory.contracts.events.PlanAbandoned;
import dev.gigafactory.contracts.events.PlanCreated;

/** What the planner does about an input: plan, give the version up, or nothing (and why, for the log). */
public sealed interface Decision {

    record Plan(PlanCreated plan) implements Decision {
    }

    record Abandon(PlanAbandoned abandoned, String budget) implements Decision {
    }

    record Nothing(String why) implements Decision {
    }
}
