package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.spec.FieldType;
import dev.gigafactory.stacks.JavaLiterals;
import java.util.Set;
import java.util.TreeSet;

/** Writes an entity's record: {@code id} plus one component per field, and the JSON shape clients see. */
final class EntityRecordWriter {

    private EntityRecordWriter() {
    }

    static String write(ProductModel product, EntityModel entity) {
        Set<String> imports = valueTypeImports(entity);
        imports.add("java.util.LinkedHashMap");
        imports.add("java.util.Map");
        JavaWriter java = new JavaWriter(product.packageName(), imports);
        java.line("/**");
        java.line(" * A " + entity.name() + " as stored and answered: its {@code id} and the spec's fields.");
        java.line(" * An optional field the client left out, without a default, is null.");
        java.line(" */");
        java.line("record " + entity.javaName() + "(");
        java.continued("String id" + (entity.fields().isEmpty() ? ") {" : ","));
        for (int i = 0; i < entity.fields().size(); i++) {
            FieldModel field = entity.fields().get(i);
            boolean last = i == entity.fields().size() - 1;
            java.continued(field.javaType() + " " + field.javaName() + (last ? ") {" : ","));
        }
        java.enterBlock();
        java.blank();
        java.open("Map<String, Object> toJson()");
        java.line("Map<String, Object> json = new LinkedHashMap<>();");
        java.line("json.put(\"id\", id());");
        for (FieldModel field : entity.fields()) {
            java.line("json.put(" + JavaLiterals.string(field.name()) + ", " + jsonValue(field) + ");");
        }
        java.line("return json;");
        java.close();
        java.close();
        return java.toString();
    }

    /** The imports a class needs to name the entity's value types. */
    static Set<String> valueTypeImports(EntityModel entity) {
        Set<String> imports = new TreeSet<>();
        for (FieldModel field : entity.fields()) {
            switch (field.type()) {
                case DECIMAL -> imports.add("java.math.BigDecimal");
                case DATE -> imports.add("java.time.LocalDate");
                case DATETIME -> imports.add("java.time.Instant");
                case UUID -> imports.add("java.util.UUID");
                default -> {
                }
            }
        }
        return imports;
    }

    // Dates, instants and UUIDs travel as their ISO-8601 / canonical text; everything else is JSON already.
    private static String jsonValue(FieldModel field) {
        String accessor = field.javaName() + "()";
        boolean asText = field.type() == FieldType.DATE || field.type() == FieldType.DATETIME
                || field.type() == FieldType.UUID;
        return asText ? accessor + " == null ? null : " + accessor + ".toString()" : accessor;
    }
}
