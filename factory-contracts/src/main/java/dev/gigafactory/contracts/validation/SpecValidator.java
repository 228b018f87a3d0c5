package dev.gigafactory.contracts.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates a submitted document: the schema first, then the semantic checks the schema cannot express.
 * Returns every problem at once, each with its JSON pointer; never throws for bad input. Thread-safe.
 */
public final class SpecValidator {

    private final DocumentReader reader = new DocumentReader();
    private final SchemaCheck schema = new SchemaCheck();
    private final SemanticCheck semantics = new SemanticCheck();

    public ValidationResult validate(byte[] document) {
        DocumentReader.Read read = reader.read(document);
        if (read.problem() != null) {
            return read.unreadable()
                    ? ValidationResult.unreadable(read.problem())
                    : ValidationResult.invalid(List.of(read.problem()), null);
        }
        return validate(read.tree());
    }

    public ValidationResult validate(JsonNode tree) {
        String name = nameOf(tree);
        List<Problem> problems = new ArrayList<>(schema.check(tree));
        if (!problems.isEmpty()) {
            return ValidationResult.invalid(problems, name);
        }
        ServiceSpec spec;
        try {
            spec = Json.mapper().treeToValue(tree, ServiceSpec.class);
        } catch (Exception e) {
            // The schema admits only what binds; reaching here is a bug in the schema, still not the sender's 500.
            return ValidationResult.invalid(
                    List.of(Problem.at("", "the document cannot be read as a ServiceSpec: " + e.getMessage())), name);
        }
        problems.addAll(semantics.check(spec));
        return problems.isEmpty() ? ValidationResult.valid(spec) : ValidationResult.invalid(problems, name);
    }

    private static String nameOf(JsonNode tree) {
        JsonNode name = tree.path("metadata").path("name");
        if (!name.isTextual()) {
            return null;
        }
        String text = name.asText();
        return text.matches("[a-z]([-a-z0-9]{0,38}[a-z0-9])?") ? text : null;
    }
}
