package dev.gigafactory.intake.service;

import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Spend per spec from the ledger, counted once per entry the read model stores: factory_agent_calls_total{spec,model},
 * factory_spend_tokens_total{spec,model,kind} and factory_spend_usd_total{spec,model}.
 */
@ApplicationScoped
public class SpendMetrics {

    private final MeterRegistry registry;

    public SpendMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void counted(LedgerEntryRecorded entry) {
        String model = entry.model() == null ? "unknown" : entry.model();
        counter("factory.agent.calls", "Agent calls on the ledger, template runs included", entry.spec(), model)
                .increment();
        tokens(entry.spec(), model, "prompt").increment(entry.promptTokens());
        tokens(entry.spec(), model, "completion").increment(entry.completionTokens());
        if (entry.costUsd() != null) {
            counter("factory.spend.usd", "US dollars spent on model calls, at the configured prices", entry.spec(),
                    model).increment(entry.costUsd().doubleValue());
        }
    }

    private Counter tokens(String spec, String model, String kind) {
        return Counter.builder("factory.spend.tokens").description("Model tokens spent").tag("spec", spec)
                .tag("model", model).tag("kind", kind).register(registry);
    }

    private Counter counter(String name, String description, String spec, String model) {
        return Counter.builder(name).description(description).tag("spec", spec).tag("model", model)
                .register(registry);
    }
}
