package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.stacks.JavaLiterals;
import dev.gigafactory.stacks.SampleValues;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Writes one entity's checks into the product's test runner: its sample body, validator checks, store checks. */
final class EntityChecksWriter {

    private EntityChecksWriter() {
    }

    static void write(JavaWriter java, EntityModel entity, Optional<List<SampleValues.Member>> validBody) {
        sampleBody(java, entity);
        validation(java, entity, validBody.isPresent());
        if (validBody.isPresent()) {
            store(java, entity);
        }
    }

    private static void sampleBody(JavaWriter java, EntityModel entity) {
        java.blank();
        java.open("private static Map<String, Object> valid" + entity.javaName() + "Body()");
        java.line("Map<String, Object> body = new LinkedHashMap<>();");
        for (FieldModel field : entity.fields()) {
            if (field.required()) {
                String value = SampleValues.valid(field).orElse(null);
                java.line(value == null
                        ? "// no valid value could be derived from the pattern of " + field.name() + "; add one here"
                        : "body.put(" + JavaLiterals.string(field.name()) + ", " + value + ");");
            }
        }
        java.line("return body;");
        java.close();
    }

    private static void validation(JavaWriter java, EntityModel entity, boolean hasValidBody) {
        String name = entity.name();
        String validator = entity.validatorName();
        String body = "valid" + entity.javaName() + "Body()";
        java.blank();
        java.open("private static void check" + entity.javaName() + "Validation(Check check)");
        if (hasValidBody) {
            java.line(entity.javaName() + " accepted = " + validator + ".fromRequest(\"id-1\", " + body + ");");
            java.line("check.equal(\"id-1\", accepted.id(), " + say(name + " keeps the id it is given") + ");");
            for (FieldModel field : entity.fields()) {
                if (!field.required()) {
                    absent(java, "accepted", field, name + "." + field.name()
                            + (field.hasDefault() ? " takes its default" : " is null") + " when left out");
                }
            }
        }
        for (FieldModel field : entity.fields()) {
            String label = name + "." + field.name();
            if (field.required()) {
                rejects(java, label + " is required", field.name(), validator,
                        "without(" + body + ", " + JavaLiterals.string(field.name()) + ")");
            }
            for (SampleValues.Violation violation : SampleValues.violations(field)) {
                rejects(java, label + " " + violation.rule(), field.name(), validator,
                        "with(" + body + ", " + JavaLiterals.string(field.name()) + ", " + violation.expression()
                                + ")");
            }
        }
        rejects(java, name + " refuses unknown fields", "unknown-field", validator,
                "with(" + body + ", \"unknown-field\", 1L)");
        rejects(java, name + " refuses an id chosen by the client", "id", validator,
                "with(" + body + ", \"id\", \"chosen\")");
        java.line(entity.javaName() + " old = " + validator + ".fromStored(\"id-2\", Map.of(\"retiredField\", 1L));");
        java.line("check.equal(\"id-2\", old.id(), " + say(name + " reads records written by older versions") + ");");
        for (FieldModel field : entity.fields()) {
            absent(java, "old", field, name + "." + field.name()
                    + (field.hasDefault() ? " takes its default" : " is null") + " in records older than the field");
        }
        java.close();
    }

    private static void absent(JavaWriter java, String variable, FieldModel field, String description) {
        java.wrapped("check.equal(", List.of(expectedWhenAbsent(field),
                variable + ".toJson().get(" + JavaLiterals.string(field.name()) + ")", say(description)), ");");
    }

    private static void rejects(JavaWriter java, String description, String field, String validator, String body) {
        java.line("check.rejects(" + say(description) + ", " + JavaLiterals.string(field) + ",");
        java.continued("() -> " + validator + ".fromRequest(\"id\", " + body + "));");
    }

    private static void store(JavaWriter java, EntityModel entity) {
        String name = entity.name();
        String body = "valid" + entity.javaName() + "Body()";
        java.blank();
        java.open("private static void check" + entity.javaName() + "Store(Check check) throws IOException");
        java.line("Path dataDir = Files.createTempDirectory(\"product-test-\");");
        java.line("String id;");
        java.open("try (Journal journal = Journal.open(dataDir))");
        java.line(entity.storeName() + " store = new " + entity.storeName() + "(journal);");
        java.line("Map<String, Object> created = store.create(" + body + ");");
        java.line("id = (String) created.get(\"id\");");
        java.line("check.equal(created, store.get(id), " + say(name + ": get answers what create stored") + ");");
        java.line("check.equal(List.of(created), store.list(), " + say(name + ": list answers the record") + ");");
        java.line("check.that(store.replace(id, " + body + ") != null, " + say(name + ": replace finds it") + ");");
        java.line("check.that(store.replace(\"unknown\", " + body + ") == null, "
                + say(name + ": replace of an unknown id finds nothing") + ");");
        java.close();
        java.open("try (Journal journal = Journal.open(dataDir))");
        java.line(entity.storeName() + " store = new " + entity.storeName() + "(journal);");
        java.line("journal.replay(List.of(store));");
        java.line("check.that(store.get(id) != null, " + say(name + " survives a restart") + ");");
        java.line("check.that(store.delete(id), " + say(name + ": delete removes it") + ");");
        java.close();
        java.open("try (Journal journal = Journal.open(dataDir))");
        java.line(entity.storeName() + " store = new " + entity.storeName() + "(journal);");
        java.line("journal.replay(List.of(store));");
        java.line("check.equal(0, store.size(), " + say(name + ": a deleted record stays deleted") + ");");
        java.close("} finally {");
        java.enterBlock();
        java.line("deleteRecursively(dataDir);");
        java.close();
        java.close();
    }

    /** The JSON value a field has when the client leaves it out: its default, or null. */
    private static String expectedWhenAbsent(FieldModel field) {
        Object value = field.defaultValue();
        if (value == null) {
            return "null";
        }
        boolean json = value instanceof String || value instanceof Long || value instanceof Boolean
                || value instanceof BigDecimal;
        return json ? JavaLiterals.value(value) : JavaLiterals.string(value.toString());
    }

    private static String say(String description) {
        return JavaLiterals.string(description);
    }
}
