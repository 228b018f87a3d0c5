package dev.gigafactory.planner.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/** factory_plans_total{kind}, factory_plans_abandoned_total{budget} and factory_planning_seconds{input}. */
@ApplicationScoped
public class PlanMetrics {

    private final MeterRegistry registry;

    public PlanMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    public void stop(Timer.Sample sample, String input) {
        sample.stop(Timer.builder("factory.planning").description("Time to decide on and store one input")
                .tag("input", input).register(registry));
    }

    /** Counts a committed decision. */
    public void committed(Decision decision) {
        if (decision instanceof Decision.Plan plan) {
            Counter.builder("factory.plans").description("Plans made, by kind")
                    .tag("kind", plan.plan().kind().name().toLowerCase()).register(registry).increment();
        } else if (decision instanceof Decision.Abandon abandon) {
            Counter.builder("factory.plans.abandoned").description("Spec versions that ran out of a budget")
                    .tag("budget", abandon.budget()).register(registry).increment();
        }
    }
}
