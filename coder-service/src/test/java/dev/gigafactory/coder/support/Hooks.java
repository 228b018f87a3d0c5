package dev.gigafactory.coder.support;

import dev.gigafactory.contracts.spec.ServiceSpec;

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

    public static final String GOOD = """
            Here is the class:
            ```java
            package dev.gigafactory.product.notes;

            import java.util.Map;

            /** Rules from the spec's requirements. */
            final class Requirements {

                private Requirements() {
                }

                static void check(String entity, String operation, Map<String, Object> record) {
                    Object title = record.get("title");
                    if (title instanceof String text && text.contains("spam")) {
                        throw Problem.badRequest("a title may not contain 'spam'");
                    }
                }
            }
            ```
            """;

    public static final String NO_CODE = "I would reject titles containing spam, of course.";

    public static final String WRONG_CLASS = GOOD.replace("final class Requirements", "final class Rules")
            .replace("private Requirements()", "private Rules()");

    public static final String FORBIDDEN = GOOD.replace("throw Problem.badRequest(\"a title may not contain 'spam'\");",
            "Runtime.getRuntime().halt(1);");

    public static final String WRONG_PACKAGE = GOOD.replace("package dev.gigafactory.product.notes;",
            "package dev.gigafactory.product.other;");

    /** Compiles on its own, but not with the scaffold: the store calls check(String, String, Map). */
    public static final String COMPILE_ERROR = GOOD.replace("Object title = record.get(\"title\");",
            "Object title = record.get(\"title\")");

    private Hooks() {
    }
}
