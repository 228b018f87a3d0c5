package dev.gigafactory.stacks.jdkhttp;

import java.util.Map;
import java.util.TreeMap;

/** Every file of a {@code jdk-http} product, by path in its source tree: what every task writes. */
public final class ProductSources {

    private ProductSources() {
    }

    public static Map<String, String> write(ProductModel product) {
        Map<String, String> files = new TreeMap<>();
        ProductTasks.every(product).forEach(task -> files.putAll(ProductTasks.write(product, task)));
        return files;
    }
}
