package dev.gigafactory.coder.support;

import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.testsupport.RequirementsReplies;

/** A tiny spec with a requirement in prose, and model replies for it: good ones and every kind of bad one. */
public final class Hooks {

    public static final String PACKAGE = "dev.gigafactory.product.notes";

    public static final ServiceSpec SPEC = Specs.parse("""
            apiVersion: gigafactory.dev/v1alpha1
            kind: ServiceSpec
            metadata: { name: notes }
            spec:
              description: Short notes.
              requirements: Reject notes whose title contains 'spam' with 400.
              entities:
                - name: Note
                  fields:
                    - { name: title, type: string, required: true, maxLength: 100 }
            """);

    public static final String GOOD = "Here is the class:\n" + RequirementsReplies.checkingEveryWrite(PACKAGE, """
            Object title = record.get("title");
            if (title instanceof String text && text.contains("spam")) {
                throw Problem.badRequest("a title may not contain 'spam'");
            }""");

    /**
     * Every kind of hook, reading the store and calling a domain class: titles are unique (409), a note titled
     * 'keep' is never deleted (409), {@code GET /notes?q=word} lists the titles containing the word, and a title
     * 'slow' makes the rule take longer than the product allows.
     */
    public static final String EVERY_HOOK = """
            ```java
            package dev.gigafactory.product.notes;

            import dev.gigafactory.product.notes.domain.Titles;
            import java.util.Map;

            final class Requirements implements Rules {

                @Override
                public void beforeCreate(String entity, Map<String, Object> record, Records existing) {
                    if (Titles.taken(record, existing.all())) {
                        throw Problem.conflict("a note titled '" + record.get("title") + "' exists already");
                    }
                    if ("slow".equals(record.get("title"))) {
                        long until = System.currentTimeMillis() + 3000;
                        while (System.currentTimeMillis() < until) {
                            Math.sqrt(until);
                        }
                    }
                }

                @Override
                public void beforeUpdate(String entity, Map<String, Object> current, Map<String, Object> record,
                        Records existing) {
                    if (Titles.taken(record, existing.all())) {
                        throw new IllegalArgumentException("another note has that title");
                    }
                }

                @Override
                public void beforeDelete(String entity, Map<String, Object> record, Records existing) {
                    if ("keep".equals(record.get("title")) && existing.get((String) record.get("id")) != null) {
                        throw Problem.conflict("the note titled 'keep' stays");
                    }
                }

                @Override
                public boolean listed(String entity, Map<String, Object> record, Map<String, String> query) {
                    return Titles.matches(record, query.get("q"));
                }
            }
            ```
            ```java
            package dev.gigafactory.product.notes.domain;

            import java.util.List;
            import java.util.Map;

            public final class Titles {

                private Titles() {
                }

                public static boolean taken(Map<String, Object> record, List<Map<String, Object>> existing) {
                    return existing.stream().anyMatch(other -> !other.get("id").equals(record.get("id"))
                            && other.get("title").equals(record.get("title")));
                }

                public static boolean matches(Map<String, Object> record, String word) {
                    return word == null || ((String) record.get("title")).contains(word);
                }
            }
            ```
            """;

    public static final String NO_CODE = "I would reject titles containing spam, of course.";

    public static final String WRONG_CLASS = GOOD.replace("final class Requirements", "final class Checks");

    public static final String FORBIDDEN = GOOD.replace("throw Problem.badRequest(\"a title may not contain 'spam'\");",
            "Runtime.getRuntime().halt(1);");

    public static final String WRONG_PACKAGE = GOOD.replace("package dev.gigafactory.product.notes;",
            "package dev.gigafactory.product.other;");

    /** Does not compile: a semicolon is missing. */
    public static final String COMPILE_ERROR = GOOD.replace("Object title = record.get(\"title\");",
            "Object title = record.get(\"title\")");

    private Hooks() {
    }
}
