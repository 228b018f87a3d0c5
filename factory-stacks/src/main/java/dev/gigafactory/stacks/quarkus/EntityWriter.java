package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.stacks.JavaLiterals;
import dev.gigafactory.stacks.jdkhttp.EntityModel;
import dev.gigafactory.stacks.jdkhttp.FieldModel;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import java.util.List;
import java.util.Map;

/**
 * The Panache entity of one spec entity: its table and columns as the migrations create them, Bean Validation from
 * the field constraints, defaults as field initializers (a body that leaves a field out gets its default, on POST and
 * on the full replace of PUT).
 */
final class EntityWriter {

    private static final Map<String, String> TYPES = Map.of("BigDecimal", "java.math.BigDecimal", "LocalDate",
            "java.time.LocalDate", "Instant", "java.time.Instant", "UUID", "java.util.UUID");

    private EntityWriter() {
    }

    static String write(ProductModel product, EntityModel entity) {
        SourceText out = new SourceText(product.packageName(), List.of("com.fasterxml.jackson.annotation.JsonIgnore",
                "com.fasterxml.jackson.annotation.JsonProperty", "io.quarkus.hibernate.orm.panache.PanacheEntityBase",
                "jakarta.persistence.Column", "jakarta.persistence.Entity", "jakarta.persistence.Id",
                "jakarta.persistence.Table", "java.util.UUID", "org.hibernate.annotations.Generated"));
        out.line(0, "/** A " + entity.name() + " as stored in table " + SqlSchema.table(entity).replace("\"", "")
                + " and as clients see it in JSON. */");
        out.line(0, "@Entity");
        out.line(0, "@Table(name = " + JavaLiterals.string(SqlSchema.table(entity)) + ")");
        out.line(0, "public class " + entity.javaName() + " extends PanacheEntityBase {");
        out.line(0, "");
        out.line(1, "@Id");
        out.line(1, "@Column(name = " + JavaLiterals.string(SqlSchema.ID) + ")");
        out.line(1, "@JsonProperty(access = JsonProperty.Access.READ_ONLY)");
        out.line(1, "public UUID id;");
        out.line(0, "");
        out.line(1, "// Creation order, filled by the database's sequence: GET lists in it. Not part of the JSON.");
        out.line(1, "@JsonIgnore");
        out.line(1, "@Generated");
        out.line(1,
                "@Column(name = " + JavaLiterals.string(SqlSchema.ORDER) + ", insertable = false, updatable = false)");
        out.line(1, "Long " + ORDER_FIELD + ";");
        for (FieldModel field : entity.fields()) {
            field(field, out);
        }
        out.line(0, "");
        out.line(1, "/** PUT replaces the whole object: every field from the validated body. */");
        out.line(1, "void replaceWith(" + entity.javaName() + " body) {");
        entity.fields().forEach(field -> out.line(2, "this." + javaField(field) + " = body." + javaField(field) + ";"));
        out.line(1, "}");
        return out.line(0, "}").toString();
    }

    /** The entity's ordering property, as the resource sorts by it. */
    static final String ORDER_FIELD = "_created";

    /**
     * The Java field of a spec field: its record component name, or with a suffix where Panache's generated accessor
     * would clash with a static method of {@code PanacheEntityBase}.
     */
    static String javaField(FieldModel field) {
        return QuarkusNames.PANACHE_CLASHES.contains(field.javaName()) ? field.javaName() + "Value" : field.javaName();
    }

    private static void field(FieldModel field, SourceText out) {
        out.line(0, "");
        for (Constraints.Annotation annotation : Constraints.of(field)) {
            out.importing(annotation.type()).line(1, annotation.code());
        }
        if (!javaField(field).equals(field.name())) {
            out.line(1, "@JsonProperty(" + JavaLiterals.string(field.name()) + ")");
        }
        out.line(1, "@Column(name = " + JavaLiterals.string(SqlSchema.column(field)) + ")");
        String type = field.javaType();
        if (TYPES.containsKey(type)) {
            out.importing(TYPES.get(type));
        }
        String initializer = field.hasDefault() ? " = " + JavaLiterals.value(field.defaultValue()) : "";
        out.line(1, "public " + type + " " + javaField(field) + initializer + ";");
    }
}
