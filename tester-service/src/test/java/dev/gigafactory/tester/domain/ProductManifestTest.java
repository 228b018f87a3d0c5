package dev.gigafactory.tester.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.artifacts.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProductManifestTest {

    // what dev.gigafactory.stacks.quarkus writes
    private static final String QUARKUS = """
            stack=quarkus
            build.tool=maven
            build.goals=verify
            run.jar=target/product-runner.jar
            datasource=postgresql
            migrations.newest=1
            """;

    @Test
    void readsTheEntryPointAndTheOptionalTestClass() {
        ProductManifest.Read read = ProductManifest.of(tree("main-class=todo.Main\ntest-class = todo.MainTest\n"));

        assertThat(read.problem()).isNull();
        assertThat(read.manifest()).isEqualTo(new ProductManifest("todo.Main", Optional.of("todo.MainTest")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no main class       | test-class=a.B                | names no valid main-class (was '')",
            "a path, not a class | main-class=../evil            | names no valid main-class (was '../evil')",
            "a bad test class    | main-class=a.B\\ntest-class=x y | names an invalid test-class 'x y'"})
    void saysWhatIsWrongWithAManifest(String name, String text, String problem) {
        ProductManifest.Read read = ProductManifest.of(tree(text.replace("\\n", "\n")));

        assertThat(read.manifest()).isNull();
        assertThat(read.problem()).isEqualTo("gigafactory-product.properties " + problem);
    }

    @Test
    void readsAQuarkusManifestAsTheStackWritesIt() {
        ProductManifest.Read read = ProductManifest.of(tree(QUARKUS));

        assertThat(read.problem()).isNull();
        assertThat(read.manifest()).isEqualTo(new ProductManifest("quarkus", null, Optional.empty(),
                "target/product-runner.jar"));
        assertThat(read.manifest().quarkus()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "another build tool    | build.tool=maven      | build.tool=gradle                 | must say build.tool=maven for a quarkus product (was 'gradle')",
            "goals beyond verify   | build.goals=verify     | build.goals=deploy                | must say build.goals=verify for a quarkus product (was 'deploy')",
            "a jar outside the build | run.jar=target/product-runner.jar | run.jar=../../etc/x.jar | names no valid relative run.jar (was '../../etc/x.jar')",
            "an unknown stack      | stack=quarkus          | stack=spring                      | names stack 'spring', which the tester cannot build"})
    void saysWhatIsWrongWithAQuarkusManifest(String name, String line, String replacement, String problem) {
        ProductManifest.Read read = ProductManifest.of(tree(QUARKUS.replace(line, replacement)));

        assertThat(read.manifest()).isNull();
        assertThat(read.problem()).isEqualTo("gigafactory-product.properties " + problem);
    }

    @Test
    void saysWhenThereIsNoManifestAtAll() {
        ProductManifest.Read read = ProductManifest.of(new SourceTree(Map.of("README", new byte[0])));

        assertThat(read.problem()).isEqualTo("the source tree has no gigafactory-product.properties");
    }

    private static SourceTree tree(String manifest) {
        return new SourceTree(Map.of("gigafactory-product.properties", manifest.getBytes(StandardCharsets.UTF_8)));
    }
}
