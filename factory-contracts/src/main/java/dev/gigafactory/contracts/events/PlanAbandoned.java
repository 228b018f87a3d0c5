package dev.gigafactory.contracts.events;

/**
 * The planner gave up on a spec version: its budget of attempts or tokens is spent. The version ends as failed, and
 * {@code reason} says why, for the people who must now look at it.
 */
public record PlanAbandoned(String spec, int version, int attempt, String reason) implements FactoryEvent {
}
