package dev.gigafactory.stacks.jdkhttp;

import java.util.Set;

/**
 * Writes the product's seam for behaviour the spec describes in prose ({@code spec.requirements}): the class that
 * implements the product's {@code Rules}, which the stores call around every operation. The template writes it
 * empty, so every rule keeps its default; the LLM agent may replace this one file, and add whole files of domain
 * logic in the {@link #DOMAIN_PACKAGE} package beside it, and nothing else.
 */
public final class RequirementsWriter {

    public static final String CLASS_NAME = "Requirements";
    /** The interface the class must implement: the product's hooks, all with defaults. */
    public static final String RULES = "Rules";
    /** The subpackage, under the product's, for the model's own classes; the template writes none. */
    public static final String DOMAIN_PACKAGE = "domain";

    private RequirementsWriter() {
    }

    public static String write(ProductModel product) {
        JavaWriter java = new JavaWriter(product.packageName(), Set.of());
        java.line("/**");
        java.line(" * Rules the spec states in prose, called by the stores around every operation (see {@link "
                + RULES + "}). The");
        java.line(" * template has none: every hook keeps its default. An LLM agent may write this class from the "
                + "spec's requirements.");
        java.line(" */");
        java.open("final class " + CLASS_NAME + " implements " + RULES);
        java.close();
        return java.toString();
    }
}
