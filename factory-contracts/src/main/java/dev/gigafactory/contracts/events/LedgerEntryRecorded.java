package dev.gigafactory.contracts.events;

import java.math.BigDecimal;

/** One model call's cost, so a spec's token budget can be enforced and spend watched. */
public record LedgerEntryRecorded(String spec, int version, int attempt, String stage, String callId, String model,
        long promptTokens, long completionTokens, BigDecimal costUsd) implements FactoryEvent {

    @Override
    public String discriminator() {
        return stage + "/" + callId;
    }
}
