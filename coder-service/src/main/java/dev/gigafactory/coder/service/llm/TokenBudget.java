package dev.gigafactory.coder.service.llm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens this coder has spent per spec version. The planner enforces the factory-wide budget from the ledger;
 * this is the coder's own brake, so a retry loop cannot run away even before the planner has caught up.
 */
public final class TokenBudget {

    private final long limitPerVersion;
    private final Map<String, Long> spent = new ConcurrentHashMap<>();

    public TokenBudget(long limitPerVersion) {
        this.limitPerVersion = limitPerVersion;
    }

    public boolean exhausted(String spec, int version) {
        return spent(spec, version) >= limitPerVersion;
    }

    public long spent(String spec, int version) {
        return spent.getOrDefault(key(spec, version), 0L);
    }

    public void add(String spec, int version, long tokens) {
        spent.merge(key(spec, version), tokens, Long::sum);
    }

    private static String key(String spec, int version) {
        return spec + "\u0000" + version;
    }
}
