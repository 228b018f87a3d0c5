package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.product.ProductContract;
import java.util.List;

/**
 * A product about to be generated: the spec resolved into the names the generated code uses. Built only from a spec
 * whose every name has been checked, so writers can put these names into source code as they are.
 */
public record ProductModel(String spec, int version, String description, String packageName,
        List<EntityModel> entities) {

    public ProductModel {
        entities = List.copyOf(entities);
    }

    public String mainClass() {
        return packageName + ".Main";
    }

    public String testClass() {
        return packageName + ".ProductTest";
    }

    /** Path in the tree of a main source file, e.g. {@code src/main/java/dev/gigafactory/product/todo/Main.java}. */
    public String mainSource(String simpleName) {
        return ProductContract.MAIN_SOURCES + packageName.replace('.', '/') + "/" + simpleName + ".java";
    }

    /** Where the LLM agent's class of that name goes, in the domain package beside the product's. */
    public String domainSource(String simpleName) {
        return domainSources() + simpleName + ".java";
    }

    /** The folder of the domain package's sources, ending in '/'. */
    public String domainSources() {
        return ProductContract.MAIN_SOURCES + packageName.replace('.', '/') + "/" + RequirementsWriter.DOMAIN_PACKAGE
                + "/";
    }

    public String testSource(String simpleName) {
        return ProductContract.TEST_SOURCES + packageName.replace('.', '/') + "/" + simpleName + ".java";
    }
}
