package dev.gigafactory.planner.domain;

/** What a spec version has spent and, when it ran out, which budget and why. */
public record VersionBudget(long tokensUsed, String abandonedBudget, String abandonedReason) {

    public static final VersionBudget NONE = new VersionBudget(0, null, null);

    public boolean abandoned() {
        return abandonedBudget != null;
    }
}
