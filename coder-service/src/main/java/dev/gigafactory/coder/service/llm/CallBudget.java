package dev.gigafactory.coder.service.llm;

import dev.gigafactory.contracts.events.Allowance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What one plan's model calls may still spend: the plan's {@link Allowance} (the planner's persisted count, the same
 * for every coder instance) less what this plan's calls spent. Before each call it says how long a reply may be
 * asked for ({@code max_tokens}), so that prompt and reply together fit in the tokens and the money left; when a
 * useful reply no longer fits, no call is made.
 */
public final class CallBudget {

    /** A reply shorter than this cannot hold a Requirements class: asking for one would be money thrown away. */
    static final int SMALLEST_USEFUL_REPLY = 256;

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final Allowance allowance;
    private final LlmSettings settings;
    private long tokens;
    private BigDecimal cost = BigDecimal.ZERO;

    /** @param allowance null for a plan from before budgets were shared: only the configured reply limit holds */
    public CallBudget(Allowance allowance, LlmSettings settings) {
        this.allowance = allowance;
        this.settings = settings;
    }

    /** The {@code max_tokens} to send with this conversation, or 0 when what is left pays for no useful reply. */
    public int replyLimit(List<ChatMessage> conversation) {
        if (allowance == null) {
            return settings.maxCompletionTokens();
        }
        long prompt = promptTokens(conversation);
        long tokensLeft = allowance.tokens() - tokens - prompt;
        BigDecimal moneyLeft = allowance.costUsd().subtract(cost).subtract(price(prompt,
                settings.promptPricePer1kTokens()));
        long fits = Math.min(Math.min(tokensLeft, affordable(moneyLeft)), settings.maxCompletionTokens());
        return fits < SMALLEST_USEFUL_REPLY ? 0 : (int) fits;
    }

    /** Why no call is made, for the version's failure. */
    public String exhausted() {
        return "the version's allowance (" + allowance.tokens() + " tokens and " + allowance.costUsd().toPlainString()
                + " USD when this attempt was planned; " + tokens + " tokens and " + cost.toPlainString()
                + " USD spent since) leaves no room for a reply of " + SMALLEST_USEFUL_REPLY + " tokens";
    }

    public void spent(ChatReply reply) {
        tokens += reply.totalTokens();
        cost = cost.add(cost(reply));
    }

    /** What a reply cost at the configured prices. */
    public BigDecimal cost(ChatReply reply) {
        return price(reply.promptTokens(), settings.promptPricePer1kTokens())
                .add(price(reply.completionTokens(), settings.completionPricePer1kTokens()))
                .setScale(6, RoundingMode.HALF_UP);
    }

    // Code is dense in tokens: three characters a token over-counts most prompts, so the check errs on the safe side.
    private static long promptTokens(List<ChatMessage> conversation) {
        long characters = conversation.stream().mapToLong(message -> message.content().length()).sum();
        return (characters + 2) / 3 + 8L * conversation.size();
    }

    private long affordable(BigDecimal money) {
        BigDecimal price = settings.completionPricePer1kTokens();
        if (money.signum() < 0) {
            return 0;
        }
        if (price.signum() == 0) {
            return Long.MAX_VALUE;
        }
        return money.multiply(THOUSAND).divide(price, 0, RoundingMode.FLOOR).min(BigDecimal.valueOf(Long.MAX_VALUE))
                .longValue();
    }

    private static BigDecimal price(long tokens, BigDecimal per1k) {
        return per1k.multiply(BigDecimal.valueOf(tokens)).divide(THOUSAND, 9, RoundingMode.HALF_UP);
    }
}
