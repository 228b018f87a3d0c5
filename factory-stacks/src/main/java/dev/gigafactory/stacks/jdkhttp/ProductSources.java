package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.product.ProductContract;
import java.util.Map;
import java.util.TreeMap;

/** Every file of a {@code jdk-http} product, by path in its source tree. */
public final class ProductSources {

    private ProductSources() {
    }

    public static Map<String, String> write(ProductModel product) {
        Map<String, String> files = new TreeMap<>(StaticSources.write(product));
        files.put(ProductContract.MANIFEST, ProjectFilesWriter.manifest(product));
        files.put("build.sh", ProjectFilesWriter.buildScript(product));
        files.put(".gitignore", ProjectFilesWriter.gitignore());
        files.put("README.md", ReadmeWriter.write(product));
        files.put(product.mainSource("Main"), MainWriter.write(product));
        files.put(product.mainSource(RequirementsWriter.CLASS_NAME), RequirementsWriter.write(product));
        files.put(product.testSource("ProductTest"), ProductTestWriter.write(product));
        for (EntityModel entity : product.entities()) {
            files.put(product.mainSource(entity.javaName()), EntityRecordWriter.write(product, entity));
            files.put(product.mainSource(entity.validatorName()), ValidatorWriter.write(product, entity));
            files.put(product.mainSource(entity.storeName()), StoreWriter.write(product, entity));
        }
        return files;
    }
}
