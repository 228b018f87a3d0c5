package dev.gigafactory.stacks.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.stacks.jdkhttp.EntityModel;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.stacks.jdkhttp.ProductSources;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a quarkus product is made of, read from the files the writer returns. */
class QuarkusProductTest {

    @ParameterizedTest
    @ValueSource(strings = {"todo.yaml", "library.yaml", "memos.yaml"})
    void writesAProjectWithAnEntityAndAResourcePerEntity(String example) {
        ProductModel product = ProductModels.from(ExampleSpecs.example(example), 1);

        QuarkusProduct.Tree tree = QuarkusProduct.write(product, List.of());

        assertThat(tree.problems()).isEmpty();
        assertThat(tree.files()).containsKeys("pom.xml", "README.md", "src/main/resources/application.properties",
                product.testSource("ProductTest"));
        for (EntityModel entity : product.entities()) {
            assertThat(tree.files().get(product.mainSource(entity.javaName()))).contains("extends PanacheEntityBase");
            assertThat(tree.files().get(product.mainSource(entity.javaName() + "Resource")))
                    .contains("@Path(\"/" + entity.plural() + "\")");
        }
        assertThat(tree.files().keySet()).filteredOn(path -> path.contains("db/migration/"))
                .containsExactly("src/main/resources/db/migration/V1__" + String.join("_",
                        product.entities().stream().map(entity -> "create_" + SqlSchema.snake(entity.name()))
                                .toList())
                        + ".sql");
    }

    @Test
    void exposesTheMetricsOfTheJdkHttpStackUnderTheSameNames() {
        ProductModel product = ProductModels.from(ExampleSpecs.example("todo.yaml"), 1);

        String quarkus = QuarkusProduct.write(product, List.of()).files().get(product.mainSource("Metrics"));

        assertThat(quarkus).isEqualTo(ProductSources.write(product).get(product.mainSource("Metrics")));
        assertThat(QuarkusProduct.write(product, List.of()).files().get(product.mainSource("Routes")))
                .contains("Map.entry(\"/todos\", \"GET, POST\")", "Map.entry(\"/todos/{id}\", \"GET, PUT, DELETE\")");
    }

    @Test
    void printsTheReadyLineOfTheProductContract() {
        ProductModel product = ProductModels.from(ExampleSpecs.example("todo.yaml"), 1);

        String readyLine = QuarkusProduct.write(product, List.of()).files().get(product.mainSource("ReadyLine"));

        assertThat(readyLine).contains("System.out.println(\"" + ProductContract.READY_LINE + "\" + ");
    }

    @Test
    void takesPortAndDatasourceFromTheEnvironmentAndMigratesAtStart() {
        ProductModel product = ProductModels.from(ExampleSpecs.example("todo.yaml"), 1);

        String properties = QuarkusProduct.write(product, List.of()).files()
                .get("src/main/resources/application.properties");

        assertThat(properties).contains("quarkus.http.port=${" + ProductContract.ENV_PORT + ":0}",
                "quarkus.datasource.jdbc.url=${QUARKUS_DATASOURCE_JDBC_URL:}", "quarkus.devservices.enabled=false",
                "quarkus.flyway.migrate-at-start=true");
    }

    @Test
    void writesOneMigrationPerVersionOfTheHistory() {
        ProductModel v1 = ProductModels.from(ExampleSpecs.example("todo.yaml"), 1);
        ProductModel v2 = ProductModels.from(ExampleSpecs.parse(ExampleSpecs.text("todo.yaml")
                .replace("        - { name: estimate,", "        - { name: reorderAt, type: date }\n"
                        + "        - { name: estimate,")),
                2);

        Map<String, String> files = QuarkusProduct.write(v2, List.of(v1)).files();

        assertThat(files).containsKeys("src/main/resources/db/migration/V1__create_todo.sql",
                "src/main/resources/db/migration/V2__add_reorder_at.sql");
    }

    @Test
    void answers405ForAnOperationTheSpecLeavesOut() {
        ProductModel product = ProductModels.from(ExampleSpecs.parse(ExampleSpecs.text("todo.yaml")
                .replace("operations: [create, get, list, update, delete]", "operations: [create, get]")), 1);

        String resource = QuarkusProduct.write(product, List.of()).files().get(product.mainSource("TodoResource"));

        assertThat(resource).contains("public Response noList()", "public Response noUpdate(",
                "public Response noDelete(", "ALLOW_COLLECTION = \"POST\"", "ALLOW_ITEM = \"GET\"");
    }

    @Test
    void refusesAnEntityWhoseClassTheStackAlreadyUses() {
        ProductModel product = ProductModels.from(ExampleSpecs.parse(ExampleSpecs.text("todo.yaml")
                .replace("name: Todo", "name: Telemetry")), 1);

        QuarkusProduct.Tree tree = QuarkusProduct.write(product, List.of());

        assertThat(tree.files()).isEmpty();
        assertThat(tree.problems()).singleElement().asString().contains("Telemetry", "rename the entity");
    }

    @Test
    void refusesAVersionWhoseTypeChangeLosesStoredValues() {
        ProductModel v1 = ProductModels.from(ExampleSpecs.example("todo.yaml"), 1);
        ProductModel v2 = ProductModels.from(ExampleSpecs.parse(ExampleSpecs.text("todo.yaml")
                .replace("{ name: done, type: boolean, default: false }", "{ name: done, type: date }")), 2);

        QuarkusProduct.Tree tree = QuarkusProduct.write(v2, List.of(v1));

        assertThat(tree.files()).isEmpty();
        assertThat(tree.problems()).singleElement().asString().contains("Todo.done", "boolean to date");
    }
}
