package dev.gigafactory.testsupport;

/**
 * What a model answers for examples/specs/memos.yaml, whose rule (no title with the word forbidden) only its prose
 * states: a hook that compiles and passes every check but enforces nothing, and one that enforces the rule. Shared by
 * the coder's repair tests and the fleet's, so the two cannot drift apart.
 */
public final class MemosReplies {

    /** The spec's file, relative to the repository root. */
    public static final String SPEC_FILE = "examples/specs/memos.yaml";

    /** What a model that misread the rule answers. */
    public static final String MISSES_THE_RULE = hook("// every memo is fine");

    /** What a model answers once a repair prompt has shown it the failing step. */
    public static final String ENFORCES_THE_RULE = hook("""
            if (record.get("title") instanceof String title && title.contains("forbidden")) {
                throw Problem.badRequest("a title must not contain the word forbidden");
            }""");

    private MemosReplies() {
    }

    private static String hook(String body) {
        return RequirementsReplies.checkingEveryWrite("dev.gigafactory.product.memos", body);
    }
}
