package dev.gigafactory.intake;

import java.nio.charset.StandardCharsets;

/** Test documents: a valid spec under any name, and variations of it. */
public final class Specs {

    private Specs() {
    }

    public static String yaml(String name) {
        return """
                apiVersion: gigafactory.dev/v1alpha1
                kind: ServiceSpec
                metadata: { name: %s }
                spec:
                  entities:
                    - name: Note
                      fields:
                        - { name: text, type: string, required: true, maxLength: 100 }
                  acceptance:
                    - name: create a note
                      steps:
                        - request: { method: POST, path: /notes, body: { text: hi } }
                          expect: { status: 201 }
                """.formatted(name);
    }

    /** The same meaning as {@link #yaml}, written as JSON with defaults spelled out and keys reordered. */
    public static String sameAsJson(String name) {
        return """
                {"spec": {"acceptance": [{"name": "create a note", "steps": [{"request": {"method": "POST",
                  "path": "/notes", "body": {"text": "hi"}}, "expect": {"status": 201}}]}],
                  "entities": [{"name": "Note", "plural": "notes", "fields": [{"name": "text", "type": "string",
                  "required": true, "maxLength": 100}]}], "stack": "jdk-http", "replicas": 1},
                 "metadata": {"name": "%s"}, "kind": "ServiceSpec", "apiVersion": "gigafactory.dev/v1alpha1"}
                """.formatted(name);
    }

    public static String withExtraField(String name) {
        return yaml(name).replace("maxLength: 100 }",
                "maxLength: 100 }\n        - { name: pinned, type: boolean }");
    }

    /** {@link #yaml} on another stack than the default jdk-http. */
    public static String onStack(String name, String stack) {
        return yaml(name).replace("spec:\n", "spec:\n  stack: " + stack + "\n");
    }

    public static String invalid(String name) {
        return yaml(name).replace("type: string", "type: blob").replace("name: Note", "name: note");
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
