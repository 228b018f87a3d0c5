package dev.gigafactory.coder.service.llm;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.jdkhttp.RequirementsWriter;
import java.util.List;

/** What the model is told: the one class it may write, the rules it must keep, and what went wrong last time. */
public final class HookPrompts {

    private HookPrompts() {
    }

    public static String system(String packageName) {
        return """
                You write one Java 17 class for a generated HTTP service. The service is complete: it stores, \
                validates and serves the entities of its spec. Your class adds the rules the spec states in prose.
                Answer with exactly one ```java code block holding the whole file:
                - package %1$s;
                - exactly one top-level class: final class %2$s, with this method, called before every create \
                and update is stored, after field validation:
                      %3$s
                  entity is the entity's name as in the spec; operation is "create" or "update"; record is the \
                validated record as a read-only JSON-like map (String, Boolean, Long, BigDecimal, List, Map, null).
                - to refuse a request with HTTP 400, throw Problem.badRequest("why"), or \
                Problem.invalid(List.of(new Problem.FieldError("field", "why"))) to name a field.
                - imports only from java.util, java.time, java.math, java.text.
                - no files, network, threads, processes, reflection, System calls (except System.out/err), \
                no unicode escapes.
                Return the complete class, nothing else.
                """.formatted(packageName, RequirementsWriter.CLASS_NAME, RequirementsWriter.SIGNATURE);
    }

    public static String task(ServiceSpec document) {
        return "The spec (JSON):\n" + Json.writeString(document.normalized()) + "\n\nThe requirements to implement:\n"
                + document.spec().requirements().strip() + "\n";
    }

    public static String rejected(List<String> problems) {
        return "Your class was rejected:\n- " + String.join("\n- ", problems)
                + "\nFix these and answer again with the whole file in one ```java block.";
    }

    public static String compileErrors(List<String> errors) {
        return "Your class does not compile with the service:\n" + String.join("\n", errors)
                + "\nFix it and answer again with the whole file in one ```java block.";
    }
}
