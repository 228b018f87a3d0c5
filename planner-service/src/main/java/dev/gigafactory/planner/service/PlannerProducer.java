package dev.gigafactory.planner.service;

import dev.gigafactory.planner.config.PlannerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the plain-Java planner a bean, configured. */
@ApplicationScoped
public class PlannerProducer {

    @Produces
    @ApplicationScoped
    Planner planner(PlannerConfig config) {
        return new Planner(new Budgets(config.maxAttempts(), config.maxTokens(), config.maxCostUsd()));
    }
}
