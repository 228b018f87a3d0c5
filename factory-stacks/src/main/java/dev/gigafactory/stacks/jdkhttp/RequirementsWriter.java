package dev.gigafactory.stacks.jdkhttp;

import java.util.Set;

/**
 * Writes the product's one seam for behaviour the spec describes in prose ({@code spec.requirements}): a class the
 * stores call before they keep a record. The template writes it as a no-op; the LLM agent may replace this one file,
 * and nothing else, with the model's version.
 */
public final class RequirementsWriter {

    public static final String CLASS_NAME = "Requirements";
    public static final String METHOD_NAME = "check";
    /** The method the stores call; a replacement must keep it exactly, or the product does not compile. */
    public static final String SIGNATURE = "static void check(String entity, String operation, "
            + "Map<String, Object> record)";

    private RequirementsWriter() {
    }

    public static String write(ProductModel product) {
        JavaWriter java = new JavaWriter(product.packageName(), Set.of("java.util.Map"));
        java.line("/**");
        java.line(" * Rules the spec states in prose, checked before a record is stored. The template has none; an LLM "
                + "agent");
        java.line(" * may write this class from the spec's requirements.");
        java.line(" */");
        java.open("final class " + CLASS_NAME);
        java.blank();
        java.open("private " + CLASS_NAME + "()");
        java.close();
        java.blank();
        java.line("/**");
        java.line(" * Called by every store after validation, before a create or update is kept; throws a 400 "
                + "{@link Problem} to");
        java.line(" * refuse it.");
        java.line(" *");
        java.line(" * @param entity the entity's name, as in the spec");
        java.line(" * @param operation {@code create} or {@code update}");
        java.line(" * @param record the validated record as it would be stored, defaults applied (read-only)");
        java.line(" */");
        java.open(SIGNATURE);
        java.line("// no requirements");
        java.close();
        java.close();
        return java.toString();
    }
}
