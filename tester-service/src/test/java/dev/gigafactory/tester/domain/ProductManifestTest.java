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
    void saysWhenThereIsNoManifestAtAll() {
        ProductManifest.Read read = ProductManifest.of(new SourceTree(Map.of("README", new byte[0])));

        assertThat(read.problem()).isEqualTo("the source tree has no gigafactory-product.properties");
    }

    private static SourceTree tree(String manifest) {
        return new SourceTree(Map.of("gigafactory-product.properties", manifest.getBytes(StandardCharsets.UTF_8)));
    }
}
