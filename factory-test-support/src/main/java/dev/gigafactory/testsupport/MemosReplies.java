package dev.gigafactory.testsupport;

/**
 * What a model answers for examples/specs/memos.yaml, whose rule (no title with the word forbidden) only its prose
 * states: a hook that compiles and passes every check but enforces nothing, and one that enforces the rule. Shared by
 * the coder's repair tests and the fleet's, so the two cannot drift apart.
 */
public final class MemosReplies {

    /** The spec's file, relative to the repository root. */
    public static final String SPEC_FILE = "examples/specs/memos.yaml";

    /** The package of the product the spec gives, under its own name. */
    public static final String PACKAGE = "dev.gigafactory.product.memos";

    /** What a model that misread the rule answers. */
    public static final String MISSES_THE_RULE = missesTheRule(PACKAGE);

    /** What a model answers once a repair prompt has shown it the failing step. */
    public static final String ENFORCES_THE_RULE = enforcesTheRule(PACKAGE);

    private MemosReplies() {
    }

    /** {@link #MISSES_THE_RULE} for the spec under another name, whose product has this package. */
    public static String missesTheRule(String packageName) {
        return RequirementsReplies.checkingEveryWrite(packageName, "// every memo is fine");
    }

    /** {@link #ENFORCES_THE_RULE} for the spec under another name, whose product has this package. */
    public static String enforcesTheRule(String packageName) {
        return RequirementsReplies.checkingEveryWrite(packageName, """
                if (record.get("title") instanceof String title && title.contains("forbidden")) {
                    throw Problem.badRequest("a title must not contain the word forbidden");
                }""");
    }
}
