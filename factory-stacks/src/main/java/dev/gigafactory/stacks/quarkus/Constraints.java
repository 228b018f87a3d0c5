package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.contracts.spec.FieldSpec;
import dev.gigafactory.stacks.JavaLiterals;
import dev.gigafactory.stacks.jdkhttp.FieldModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A field's spec constraints as Bean Validation annotations, each with the import it needs. */
final class Constraints {

    /** One annotation line and the type it names. */
    record Annotation(String code, String type) {
    }

    private static final String PACKAGE = "jakarta.validation.constraints.";

    private Constraints() {
    }

    static List<Annotation> of(FieldModel field) {
        FieldSpec spec = field.spec();
        List<Annotation> annotations = new ArrayList<>();
        if (field.required()) {
            annotations.add(annotation("@NotNull", "NotNull"));
        }
        if (spec.minLength() != null || spec.maxLength() != null) {
            List<String> bounds = new ArrayList<>();
            if (spec.minLength() != null) {
                bounds.add("min = " + spec.minLength());
            }
            if (spec.maxLength() != null) {
                bounds.add("max = " + spec.maxLength());
            }
            annotations.add(annotation("@Size(" + String.join(", ", bounds) + ")", "Size"));
        }
        if (spec.pattern() != null) {
            annotations.add(annotation("@Pattern(regexp = " + JavaLiterals.string(spec.pattern()) + ")", "Pattern"));
        }
        if (spec.values() != null) {
            annotations.add(enumValues(spec.values()));
        }
        bounds(field, spec.minimum(), "Min", annotations);
        bounds(field, spec.maximum(), "Max", annotations);
        return annotations;
    }

    private static Annotation enumValues(List<String> values) {
        String regexp = values.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        String message = "must be one of " + String.join(", ", values);
        return annotation("@Pattern(regexp = " + JavaLiterals.string(regexp) + ", message = "
                + JavaLiterals.string(message) + ")", "Pattern");
    }

    /** Integers get {@code @Min}/{@code @Max}; decimals the string forms, which keep every digit. */
    private static void bounds(FieldModel field, BigDecimal bound, String name, List<Annotation> annotations) {
        if (bound == null) {
            return;
        }
        if (field.javaType().equals("Long")) {
            annotations.add(annotation("@" + name + "(" + bound.longValueExact() + "L)", name));
        } else {
            String decimal = "Decimal" + name;
            annotations.add(annotation("@" + decimal + "(" + JavaLiterals.string(bound.toPlainString()) + ")",
                    decimal));
        }
    }

    private static Annotation annotation(String code, String simpleName) {
        return new Annotation(code, PACKAGE + simpleName);
    }
}
