package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.spec.FieldSpec;
import dev.gigafactory.stacks.JavaLiterals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes an entity's validator: one small read method per field (type, constraints, default, required), the
 * constants those use, and the two entry points: request bodies (strict) and journal records (lenient).
 */
final class ValidatorWriter {

    private ValidatorWriter() {
    }

    static String write(ProductModel product, EntityModel entity) {
        Set<String> imports = EntityRecordWriter.valueTypeImports(entity);
        imports.add("java.util.Map");
        imports.add("java.util.Set");
        imports.addAll(constantImports(entity));
        JavaWriter java = new JavaWriter(product.packageName(), imports);
        String type = entity.javaName();
        java.line("/** Reads " + entity.name()
                + " bodies: types, constraints, defaults and required fields, as the spec says. */");
        java.open("final class " + entity.validatorName());
        java.blank();
        java.wrapped("static final Set<String> FIELDS = Set.of(", strings(entity.fields().stream()
                .map(FieldModel::name).toList()), ");");
        java.blank();
        if (constants(java, entity)) {
            java.blank();
        }
        java.open("private " + entity.validatorName() + "()");
        java.close();
        java.blank();
        java.line("/** A request body as a " + entity.name() + ", or a 400 problem naming every invalid field. */");
        java.open("static " + type + " fromRequest(String id, Map<String, Object> body)");
        java.line("Validation.Errors errors = Validation.Errors.collecting();");
        java.line("Validation.rejectUnknown(body, FIELDS, errors);");
        java.line(type + " value = read(id, body, errors);");
        java.line("errors.throwIfAny();");
        java.line("return value;");
        java.close();
        java.blank();
        java.line(
                "/** A journal record, perhaps from an older version: unknown fields dropped, unreadable ones defaulted. */");
        java.open("static " + type + " fromStored(String id, Map<String, Object> object)");
        java.line("return read(id, object, Validation.Errors.ignoring());");
        java.close();
        java.blank();
        java.open("private static " + type + " read(String id, Map<String, Object> body, Validation.Errors errors)");
        java.line("return new " + type + "(");
        java.continued("id" + (entity.fields().isEmpty() ? ");" : ","));
        for (int i = 0; i < entity.fields().size(); i++) {
            FieldModel field = entity.fields().get(i);
            java.continued("read" + field.capitalized() + "(body, errors)"
                    + (i == entity.fields().size() - 1 ? ");" : ","));
        }
        java.close();
        for (FieldModel field : entity.fields()) {
            java.blank();
            readMethod(java, field);
        }
        java.close();
        return java.toString();
    }

    private static List<String> constantImports(EntityModel entity) {
        List<String> imports = new ArrayList<>();
        List<FieldModel> fields = entity.fields();
        if (fields.stream().anyMatch(f -> f.spec().minimum() != null || f.spec().maximum() != null
                || f.defaultValue() instanceof BigDecimal)) {
            imports.add("java.math.BigDecimal");
        }
        if (fields.stream().anyMatch(f -> f.spec().pattern() != null)) {
            imports.add("java.util.regex.Pattern");
        }
        if (fields.stream().anyMatch(f -> f.spec().values() != null)) {
            imports.add("java.util.List");
        }
        return imports;
    }

    /** Writes the per-field constants (compiled patterns, bounds, enum values, defaults); says if there were any. */
    private static boolean constants(JavaWriter java, EntityModel entity) {
        boolean any = false;
        for (FieldModel field : entity.fields()) {
            FieldSpec spec = field.spec();
            String suffix = field.constantSuffix();
            if (spec.pattern() != null) {
                java.line("private static final Pattern PATTERN_" + suffix + " = Pattern.compile("
                        + JavaLiterals.string(spec.pattern()) + ");");
            }
            if (spec.minimum() != null) {
                java.line("private static final BigDecimal MINIMUM_" + suffix + " = "
                        + JavaLiterals.decimal(spec.minimum()) + ";");
            }
            if (spec.maximum() != null) {
                java.line("private static final BigDecimal MAXIMUM_" + suffix + " = "
                        + JavaLiterals.decimal(spec.maximum()) + ";");
            }
            if (spec.values() != null) {
                java.wrapped("private static final List<String> VALUES_" + suffix + " = List.of(",
                        strings(spec.values()), ");");
            }
            if (field.hasDefault()) {
                java.line("private static final " + field.javaType() + " DEFAULT_" + suffix + " = "
                        + JavaLiterals.value(field.defaultValue()) + ";");
            }
            any |= spec.pattern() != null || spec.minimum() != null || spec.maximum() != null
                    || spec.values() != null || field.hasDefault();
        }
        return any;
    }

    private static List<String> strings(List<String> values) {
        return values.stream().map(JavaLiterals::string).toList();
    }

    private static void readMethod(JavaWriter java, FieldModel field) {
        FieldSpec spec = field.spec();
        String name = JavaLiterals.string(field.name());
        String suffix = field.constantSuffix();
        String absent = field.hasDefault() ? "DEFAULT_" + suffix : "null";
        java.open("private static " + field.javaType() + " read" + field.capitalized()
                + "(Map<String, Object> body, Validation.Errors errors)");
        if (!field.required() && !hasChecks(spec)) {
            if (field.hasDefault()) {
                java.line(field.javaType() + " value = " + conversion(field, name) + ";");
                java.line("return value == null ? " + absent + " : value;");
            } else {
                java.line("return " + conversion(field, name) + ";");
            }
            java.close();
            return;
        }
        java.line(field.javaType() + " value = " + conversion(field, name) + ";");
        java.open("if (value == null)");
        if (field.required()) {
            java.line("errors.missing(" + name + ");");
        }
        java.line("return " + absent + ";");
        java.close();
        if (spec.minLength() != null) {
            java.line("Validation.minLength(value, " + name + ", " + spec.minLength() + ", errors);");
        }
        if (spec.maxLength() != null) {
            java.line("Validation.maxLength(value, " + name + ", " + spec.maxLength() + ", errors);");
        }
        if (spec.pattern() != null) {
            java.line("Validation.pattern(value, " + name + ", PATTERN_" + suffix + ", errors);");
        }
        if (spec.minimum() != null) {
            java.line("Validation.minimum(value, " + name + ", MINIMUM_" + suffix + ", errors);");
        }
        if (spec.maximum() != null) {
            java.line("Validation.maximum(value, " + name + ", MAXIMUM_" + suffix + ", errors);");
        }
        java.line("return value;");
        java.close();
    }

    private static boolean hasChecks(FieldSpec spec) {
        return spec.minLength() != null || spec.maxLength() != null || spec.pattern() != null
                || spec.minimum() != null || spec.maximum() != null;
    }

    private static String conversion(FieldModel field, String name) {
        return switch (field.type()) {
            case STRING, TEXT -> "Validation.string(body, " + name + ", errors)";
            case ENUM -> "Validation.oneOf(body, " + name + ", VALUES_" + field.constantSuffix() + ", errors)";
            case INTEGER -> "Validation.integer(body, " + name + ", errors)";
            case DECIMAL -> "Validation.decimal(body, " + name + ", errors)";
            case BOOLEAN -> "Validation.bool(body, " + name + ", errors)";
            case DATE -> "Validation.date(body, " + name + ", errors)";
            case DATETIME -> "Validation.datetime(body, " + name + ", errors)";
            case UUID -> "Validation.uuid(body, " + name + ", errors)";
        };
    }
}
