package dev.gigafactory.contracts.events;

import java.math.BigDecimal;

/**
 * One model call's cost, so a spec's token budget can be enforced and spend watched.
 *
 * @param tokensEstimated the server reported no usage: the tokens were counted from the prompt and reply text
 * @param durationMs how long the call took, retries included (0 when not measured)
 */
public record LedgerEntryRecorded(String spec, int version, int attempt, String stage, String callId, String model,
        long promptTokens, long completionTokens, BigDecimal costUsd, boolean tokensEstimated, long durationMs)
        implements
            FactoryEvent {

    /** A reported, unmeasured call. */
    public LedgerEntryRecorded(String spec, int version, int attempt, String stage, String callId, String model,
            long promptTokens, long completionTokens, BigDecimal costUsd) {
        this(spec, version, attempt, stage, callId, model, promptTokens, completionTokens, costUsd, false, 0);
    }

    /** A call that spent nothing (a template run): it adds time to the record, nothing to a budget. */
    public boolean free() {
        return promptTokens + completionTokens == 0 && (costUsd == null || costUsd.signum() == 0);
    }

    @Override
    public String discriminator() {
        return stage + "/" + callId;
    }
}
