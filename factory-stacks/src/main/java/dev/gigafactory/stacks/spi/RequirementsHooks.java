package dev.gigafactory.stacks.spi;

import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.jdkhttp.RequirementsWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a stack's product takes the code an LLM agent writes for the spec's prose requirements: one
 * {@code Requirements} class implementing the product's {@code Rules}, and domain classes in a package beside it. The
 * agent writes only these files, and compiles them with plain javac against {@code contract} alone, so a stack's
 * hook contract files ({@code Rules}, {@code Problem}) must compile without any library on the class path.
 *
 * @param requirementsPath the tree path of the {@code Requirements} class
 * @param template the class as the template writes it: every hook keeps its default
 * @param domainFolder the tree folder of the domain package's sources, ending in '/'
 * @param contract the tree paths of the product's own files the agent's files are compiled with
 */
public record RequirementsHooks(String requirementsPath, String template, String domainFolder, Set<String> contract) {

    public RequirementsHooks {
        contract = Set.copyOf(contract);
    }

    /** The layout both stacks share: {@code Requirements} in the product's package, {@code domain} beneath it. */
    public static RequirementsHooks of(ProductModel product, Set<String> contract) {
        return new RequirementsHooks(product.mainSource(RequirementsWriter.CLASS_NAME),
                RequirementsWriter.write(product), product.domainSources(), contract);
    }

    /** Where the agent's domain class of that simple name goes. */
    public String domainSource(String simpleName) {
        return domainFolder + simpleName + ".java";
    }

    /** The agent's files in the tree: the {@code Requirements} class and every domain class. */
    public Set<String> agentFiles(SourceTree tree) {
        Set<String> paths = new TreeSet<>();
        tree.files().keySet().stream().filter(path -> path.equals(requirementsPath) || path.startsWith(domainFolder))
                .forEach(paths::add);
        return paths;
    }

    /** What the agent's files are compiled as: themselves and the contract, as they are in the tree. */
    public Map<String, byte[]> compilation(SourceTree tree) {
        Map<String, byte[]> files = new TreeMap<>();
        tree.files().forEach((path, bytes) -> {
            if (contract.contains(path) || path.equals(requirementsPath) || path.startsWith(domainFolder)) {
                files.put(path, bytes);
            }
        });
        return files;
    }
}
