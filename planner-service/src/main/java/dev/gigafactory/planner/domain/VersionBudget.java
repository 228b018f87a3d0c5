package dev.gigafactory.planner.domain;

import java.math.BigDecimal;

/** What a spec version has spent and, when it ran out, which budget and why. */
public record VersionBudget(long tokensUsed, String abandonedBudget, String abandonedReason, BigDecimal costUsd) {

    public static final VersionBudget NONE = new VersionBudget(0, null, null, BigDecimal.ZERO);

    public boolean abandoned() {
        return abandonedBudget != null;
    }
}
