package dev.gigafactory.planner.service;

import dev.gigafactory.contracts.events.PlanAbandoned;
import dev.gigafactory.contracts.events.PlanCreated;

/** What the planner does about an input: plan, give the version up, or nothing (and why, for the log). */
public sealed interface Decision {

    /** @param round the round this plan starts (a retry), or null: it goes on in the current one */
    record Plan(PlanCreated plan, Round round) implements Decision {

        public Plan(PlanCreated plan) {
            this(plan, null);
        }
    }

    /** A retry's new round: budgets count from {@code startAttempt}, the version is no longer failed. */
    record Round(int retry, int startAttempt) {
    }

    record Abandon(PlanAbandoned abandoned, String budget) implements Decision {
    }

    record Nothing(String why) implements Decision {
    }
}
