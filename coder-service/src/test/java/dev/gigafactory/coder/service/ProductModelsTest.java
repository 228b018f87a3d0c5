package dev.gigafactory.coder.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gigafactory.contracts.spec.EntitySpec;
import dev.gigafactory.contracts.spec.FieldSpec;
import dev.gigafactory.contracts.spec.FieldType;
import dev.gigafactory.contracts.spec.ServiceDefinition;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.spec.SpecMetadata;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The coder's own check of every name and value before it becomes code. These specs are built directly, as if
 * intake had let them through, because the coder must not trust that it did.
 */
class ProductModelsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeSpecs")
    void refusesSpecsThatCannotBecomeSafeCode(String problem, ServiceSpec spec) {
        assertThatThrownBy(() -> ProductModels.from(spec, 1)).isInstanceOf(UnsafeSpecException.class)
                .hasMessageContaining(problem);
    }

    static Stream<Arguments> unsafeSpecs() {
        return Stream.of(
                unsafe("/metadata/name", spec("Bad_Name", entity("Todo", field("title", FieldType.STRING)))),
                unsafe("/spec/entities/0/name", spec("x", entity("Todo;System.exit(1)", field("a", FieldType.TEXT)))),
                unsafe("needs a class TODO", spec("x", entity("Todo", field("b", FieldType.TEXT)),
                        entity("TODO", field("c", FieldType.TEXT)))),
                unsafe("/spec/entities/0/plural", spec("x", new EntitySpec("Todo", "health", null,
                        List.of(field("a", FieldType.TEXT))))),
                unsafe("/spec/entities/0/plural", spec("x", new EntitySpec("Todo", "../etc", null,
                        List.of(field("a", FieldType.TEXT))))),
                unsafe("/spec/entities/0/fields/0/name", spec("x", entity("Todo", field("class", FieldType.TEXT)))),
                unsafe("/spec/entities/0/fields/0/name", spec("x", entity("Todo", field("id", FieldType.TEXT)))),
                unsafe("/spec/entities/0/fields/0/name", spec("x", entity("Todo", field("a\"b", FieldType.TEXT)))),
                unsafe("clashes with another field", spec("x", entity("Todo", field("wait", FieldType.TEXT),
                        field("waitValue", FieldType.TEXT)))),
                unsafe("/pattern: not a valid regular expression", spec("x", entity("Todo",
                        new FieldSpec("a", FieldType.STRING, null, null, null, null, "[", null, null, null)))),
                unsafe("/default", spec("x", entity("Todo",
                        new FieldSpec("a", FieldType.INTEGER, null, TextNode.valueOf("one"), null, null, null, null,
                                null, null)))),
                unsafe("/default", spec("x", entity("Todo",
                        new FieldSpec("a", FieldType.INTEGER, null, IntNode.valueOf(7), null, null, null, null,
                                new BigDecimal("5"), null)))),
                unsafe("/maximum", spec("x", entity("Todo",
                        new FieldSpec("a", FieldType.INTEGER, null, null, null, null, null, null,
                                new BigDecimal("1e30"), null)))),
                unsafe("/values", spec("x", entity("Todo",
                        new FieldSpec("a", FieldType.ENUM, null, null, null, null, null, null, null,
                                List.of("ok", "\");"))))),
                unsafe("does not apply", spec("x", entity("Todo",
                        new FieldSpec("a", FieldType.BOOLEAN, null, null, 1, null, null, null, null, null)))),
                unsafe("needs a class TodoStore", spec("x", entity("Todo", field("a", FieldType.TEXT)),
                        entity("TodoStore", field("b", FieldType.TEXT)))));
    }

    @Test
    void renamesTypesThatWouldClashInsteadOfRefusing() {
        ProductModel model = ProductModels.from(spec("class", entity("List", field("hashCode", FieldType.TEXT)),
                entity("Instant", field("toJson", FieldType.TEXT)), entity("Todo", field("title", FieldType.TEXT))),
                1);

        assertThat(model.packageName()).isEqualTo("dev.gigafactory.product.pclass");
        assertThat(model.entities()).extracting(e -> e.javaName()).containsExactly("ListEntity", "InstantEntity",
                "Todo");
        assertThat(model.entities().get(0).fields().get(0).javaName()).isEqualTo("hashCodeValue");
        assertThat(model.entities().get(0).fields().get(0).name()).isEqualTo("hashCode");
    }

    @Test
    void dropsDashesFromThePackageName() {
        ProductModel model = ProductModels.from(spec("my-shop-2", entity("Todo", field("a", FieldType.TEXT))), 1);

        assertThat(model.packageName()).isEqualTo("dev.gigafactory.product.myshop2");
    }

    private static Arguments unsafe(String problem, ServiceSpec spec) {
        return Arguments.of(problem, spec);
    }

    private static ServiceSpec spec(String name, EntitySpec... entities) {
        return new ServiceSpec(ServiceSpec.API_VERSION, ServiceSpec.KIND, new SpecMetadata(name, Map.of()),
                new ServiceDefinition(null, null, null, List.of(entities), null, null, null));
    }

    private static EntitySpec entity(String name, FieldSpec... fields) {
        return new EntitySpec(name, null, null, List.of(fields));
    }

    private static FieldSpec field(String name, FieldType type) {
        return new FieldSpec(name, type, null, null, null, null, null, null, null, null);
    }
}
