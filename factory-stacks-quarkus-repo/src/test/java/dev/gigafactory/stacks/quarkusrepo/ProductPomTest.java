package dev.gigafactory.stacks.quarkusrepo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.stacks.quarkus.QuarkusProduct;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A product is built offline, against what this module's build resolved: its pom may name no BOM, dependency or
 * plugin version this module does not, or the product's build fails for want of an artifact.
 */
class ProductPomTest {

    private static final Pom PRODUCT = productPom();
    private static final Pom REPOSITORY = repositoryPom();

    @Test
    void importsThePlatformBomThisModuleResolves() {
        assertThat(REPOSITORY.boms()).containsAll(PRODUCT.boms());
    }

    @Test
    void namesOnlyDependenciesThisModuleResolves() {
        assertThat(REPOSITORY.dependencies()).containsAll(PRODUCT.dependencies());
    }

    @Test
    void pinsOnlyPluginVersionsThisModuleResolves() {
        assertThat(REPOSITORY.plugins()).containsAll(PRODUCT.plugins());
    }

    private static Pom productPom() {
        ProductModel product = ProductModels.from(ExampleSpecs.example("todo.yaml"), 1);
        return Pom.parse(QuarkusProduct.write(product, List.of()).files().get("pom.xml"), Map.of());
    }

    /** This module's pom with its parent's properties and managed BOM (the parent is the repository's root pom). */
    private static Pom repositoryPom() {
        try {
            String parent = Files.readString(Path.of("..", "pom.xml"));
            Map<String, String> inherited = Pom.properties(parent);
            Pom own = Pom.parse(Files.readString(Path.of("pom.xml")), inherited);
            return new Pom(Pom.parse(parent, inherited).boms(), own.dependencies(), own.plugins());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
