package dev.gigafactory.stacks.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.PlanTask.Kind;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.jdkhttp.JdkHttpStack;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.jdkhttp.RequirementsWriter;
import dev.gigafactory.stacks.spi.RequirementsHooks;
import dev.gigafactory.stacks.spi.StackTree;
import dev.gigafactory.testsupport.ExampleSpecs;
import dev.gigafactory.testsupport.MemosReplies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quarkus product offers the jdk-http product's hook contract, so the same model reply fits both stacks. */
class QuarkusHooksTest {

    private static final ServiceSpec MEMOS = ExampleSpecs.example("memos.yaml");
    private static final String BASE = "sha256:" + "b".repeat(64);
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private final QuarkusStack stack = new QuarkusStack();
    private final ProductModel product = stack.model(QuarkusSpecs.onQuarkus(MEMOS), 1);

    @TempDir
    Path dir;

    @Test
    void writesTheJdkHttpProductsRulesProblemAndEmptyRequirementsAtTheSamePaths() {
        SourceTree quarkus = written(1);
        JdkHttpStack jdkHttp = new JdkHttpStack();
        ProductModel jdkHttpProduct = jdkHttp.model(MEMOS, 1);
        SourceTree plain = jdkHttp.write(QuarkusSpecs.full(MEMOS, 1, null), jdkHttpProduct, null).tree();

        for (String type : List.of("Rules", "Problem", RequirementsWriter.CLASS_NAME)) {
            assertThat(quarkus.text(product.mainSource(type))).as(type)
                    .isEqualTo(plain.text(jdkHttpProduct.mainSource(type)));
        }
        assertThat(stack.requirementsHooks(product).orElseThrow().requirementsPath())
                .isEqualTo("src/main/java/dev/gigafactory/product/memos/Requirements.java");
    }

    @Test
    void aModelsRequirementsCompileAgainstTheHookContractWithNothingOnTheClassPath() throws IOException {
        RequirementsHooks hooks = stack.requirementsHooks(product).orElseThrow();
        Map<String, byte[]> files = new TreeMap<>(hooks.compilation(written(1)));
        files.put(hooks.requirementsPath(), code(MemosReplies.ENFORCES_THE_RULE).getBytes(StandardCharsets.UTF_8));

        assertThat(files.keySet()).containsExactlyInAnyOrder(product.mainSource("Rules"),
                product.mainSource("Problem"), hooks.requirementsPath());
        assertThat(javacErrors(files)).isEmpty();
    }

    @Test
    void aPlanThatLeavesTheRequirementsAloneKeepsTheModelsDomainClasses() {
        SourceTree base = withDomainClass(written(1));

        StackTree kept = stack.write(QuarkusSpecs.plan(QuarkusSpecs.onQuarkus(MEMOS), 2,
                List.of(PlanTask.of(Kind.PROJECT, "memos")), BASE), stack.model(QuarkusSpecs.onQuarkus(MEMOS), 2),
                base);
        StackTree rerun = stack.write(QuarkusSpecs.plan(QuarkusSpecs.onQuarkus(MEMOS), 2,
                List.of(PlanTask.of(Kind.PROJECT, "memos"), PlanTask.of(Kind.REQUIREMENTS, "memos")), BASE),
                stack.model(QuarkusSpecs.onQuarkus(MEMOS), 2), base);

        assertThat(kept.tree().files()).containsKey(product.domainSource("Words"));
        assertThat(rerun.tree().files()).doesNotContainKey(product.domainSource("Words"));
        assertThat(rerun.tree().text(product.mainSource(RequirementsWriter.CLASS_NAME)))
                .isEqualTo(RequirementsWriter.write(product));
    }

    @Test
    void everyWriteAsksTheRulesBeforeItIsKeptAndEveryListIsFilteredByThem() {
        String resource = written(1).text(product.mainSource("MemoResource"));

        assertThat(resource).contains("hooks.beforeCreate(ENTITY, body, READS);\n        body.persist();",
                "hooks.beforeUpdate(ENTITY, found, body, READS);\n        found.replaceWith(body);",
                "hooks.beforeDelete(ENTITY, found, READS);\n        found.delete();",
                "return hooks.listed(ENTITY, Memo.listAll(Sort.by(\"_created\")), uri.getQueryParameters());");
    }

    private SourceTree written(int version) {
        return stack.write(QuarkusSpecs.full(QuarkusSpecs.onQuarkus(MEMOS), version, null), product, null).tree();
    }

    private SourceTree withDomainClass(SourceTree tree) {
        Map<String, byte[]> files = new TreeMap<>(tree.files());
        files.put(product.domainSource("Words"), ("package " + product.packageName()
                + ".domain;\n\npublic final class Words { }\n").getBytes(StandardCharsets.UTF_8));
        return new SourceTree(files);
    }

    private static String code(String reply) {
        Matcher block = JAVA_BLOCK.matcher(reply);
        assertThat(block.find()).as(reply).isTrue();
        return block.group(1);
    }

    /** Plain javac, its class path an empty folder: nothing but the JDK to compile against. */
    private String javacErrors(Map<String, byte[]> files) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d",
                Files.createDirectories(dir.resolve("classes")).toString(), "-classpath",
                Files.createDirectories(dir.resolve("empty")).toString()));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path source = dir.resolve("src").resolve(file.getKey());
            Files.createDirectories(source.getParent());
            Files.write(source, file.getValue());
            arguments.add(source.toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, arguments.toArray(String[]::new));
        return exit == 0 ? "" : errors.toString(StandardCharsets.UTF_8);
    }
}
