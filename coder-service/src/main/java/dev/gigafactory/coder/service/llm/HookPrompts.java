package dev.gigafactory.coder.service.llm;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.jdkhttp.RequirementsWriter;
import java.util.List;

/** What the model is told: the one class it may write, the rules it must keep, and what went wrong last time. */
public final class HookPrompts {

    private static final String RULES_SUMMARY = String.join("\n",
            "      void beforeCreate(String entity, Map<String, Object> record, Records existing)",
            "      void afterCreate(String entity, Map<String, Object> record)",
            "      void beforeUpdate(String entity, Map<String, Object> current, Map<String, Object> record,"
                    + " Records existing)",
            "      void afterUpdate(String entity, Map<String, Object> record)",
            "      void beforeDelete(String entity, Map<String, Object> record, Records existing)",
            "      void afterDelete(String entity, Map<String, Object> record)",
            "      boolean listed(String entity, Map<String, Object> record, Map<String, String> query)"
                    + "  // GET /plural?name=value answers only the records this is true for");

    private HookPrompts() {
    }

    public static String system(String packageName) {
        return """
                You write the rules a generated Java 17 HTTP service must keep beyond its fields. The service is \
                complete: it stores, validates and serves the entities of its spec; the spec's requirements (prose) \
                are yours to implement.
                Answer with ```java code blocks, each a whole file:
                - one block: package %1$s; final class %2$s implements %3$s, with a no-argument constructor. \
                %3$s is this interface of the service; override only the hooks you need, the others do nothing:
                %4$s
                  entity is the entity's name as in the spec; each record is a read-only JSON-like map (String, \
                Boolean, Long, BigDecimal, List, Map, null) with its "id"; existing holds the entity's records as \
                they were before the operation (existing.all(), existing.get(id)).
                - to refuse an operation throw Problem.badRequest("why") (400), Problem.conflict("why") (409), \
                Problem.invalid(List.of(new Problem.FieldError("field", "why"))) (400 naming a field), or an \
                IllegalArgumentException("why") (400).
                - optionally up to %6$d more blocks, each one public class, record or enum in package %5$s, for \
                logic %2$s calls (they cannot see Problem: throw IllegalArgumentException to refuse).
                - every hook call must finish within a second; a slower one answers 503.
                - imports only from java.util, java.time, java.math, java.text and %5$s.
                - no files, network, threads, processes, reflection, System calls (except System.out/err), no \
                unicode escapes, none of the service's own classes other than Problem and %3$s.
                Return the complete files, nothing else.
                """.formatted(packageName, RequirementsWriter.CLASS_NAME, RequirementsWriter.RULES, RULES_SUMMARY,
                packageName + "." + RequirementsWriter.DOMAIN_PACKAGE, HookReplyCheck.MAX_DOMAIN_FILES);
    }

    public static String task(ServiceSpec document) {
        return "The spec (JSON):\n" + Json.writeString(document.normalized()) + "\n\nThe requirements to implement:\n"
                + document.spec().requirements().strip() + "\n";
    }

    public static String rejected(List<String> problems) {
        return "Your files were rejected:\n- " + String.join("\n- ", problems)
                + "\nFix these and answer again with every file, each in its own ```java block.";
    }

    public static String compileErrors(List<String> errors) {
        return "Your files do not compile with the service:\n" + String.join("\n", errors)
                + "\nFix them and answer again with every file, each in its own ```java block.";
    }
}
