package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.contracts.spec.Operation;
import dev.gigafactory.stacks.SampleValues;
import dev.gigafactory.stacks.jdkhttp.EntityModel;
import dev.gigafactory.stacks.jdkhttp.FieldModel;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The product's own RestAssured tests: the contract's health and metrics, and per entity what its operations promise
 * (201 with an id, read back, 404 and 400 as problem+json, 405 for an operation left out).
 */
final class QuarkusTests {

    static final String CLASS_NAME = "ProductTest";

    private QuarkusTests() {
    }

    static String write(ProductModel product) {
        SourceText out = new SourceText(product.packageName(), List.of("io.quarkus.test.junit.QuarkusTest",
                "io.restassured.RestAssured", "io.restassured.http.ContentType", "java.math.BigDecimal",
                "java.util.Map",
                "org.hamcrest.Matchers", "org.junit.jupiter.api.Test"));
        out.line(0,
                "/** What every client of this product relies on, against the datasource the environment gives. */");
        out.line(0, "@QuarkusTest");
        out.line(0, "class " + CLASS_NAME + " {");
        test(out, "answersHealthAsUp", "RestAssured.get(\"/health\").then().statusCode(200)"
                + ".body(\"status\", Matchers.equalTo(\"UP\"));");
        test(out, "servesRequestMetricsByRoute", "RestAssured.get(\"/health\");",
                "RestAssured.get(\"/metrics\").then().statusCode(200)"
                        + ".body(Matchers.containsString(\"http_requests_total{method=\\\"GET\\\",route=\\\"/health\\\"\"));");
        for (EntityModel entity : product.entities()) {
            entityTests(entity, out);
        }
        return out.line(0, "}").toString();
    }

    private static void entityTests(EntityModel entity, SourceText out) {
        String path = "\"/" + entity.plural() + "\"";
        String name = entity.javaName();
        boolean samples = SampleValues.requiredMembers(entity).size() == entity.fields().stream()
                .filter(FieldModel::required).count();
        if (entity.supports(Operation.CREATE) && samples) {
            String created = "String id = RestAssured.given().contentType(ContentType.JSON).body(" + validBody(entity)
                    + ").post(" + path
                    + ").then().statusCode(201).body(\"id\", Matchers.matchesPattern(\"[0-9a-f-]{36}\"))"
                    + ".extract().path(\"id\");";
            String readBack = entity.supports(Operation.GET)
                    ? "RestAssured.get(" + path
                            + " + \"/\" + id).then().statusCode(200).body(\"id\", Matchers.equalTo(id));"
                    : "// get is not an operation of " + entity.name();
            test(out, "creates" + name + "WithAnId", created, readBack);
        }
        if (entity.supports(Operation.CREATE)) {
            requiredField(entity).ifPresent(field -> test(out, "refuses" + name + "WithoutItsRequiredFields",
                    "RestAssured.given().contentType(ContentType.JSON).body(Map.of()).post(" + path
                            + ").then().statusCode(400).contentType(\"application/problem+json\")"
                            + ".body(\"errors.field\", Matchers.hasItem(\"" + field.name() + "\"));"));
        }
        if (entity.supports(Operation.GET)) {
            test(out, "answers404ForAnUnknown" + name, "RestAssured.get(" + path
                    + " + \"/00000000-0000-4000-8000-000000000000\").then().statusCode(404)"
                    + ".contentType(\"application/problem+json\");");
        }
        List<Operation> missing = List.of(Operation.values()).stream().filter(op -> !entity.supports(op)).toList();
        if (!missing.isEmpty()) {
            Operation operation = missing.get(0);
            String target = operation == Operation.LIST || operation == Operation.CREATE
                    ? path
                    : path + " + \"/00000000-0000-4000-8000-000000000000\"";
            test(out, "answers405For" + name + "OperationsLeftOut", "RestAssured.given().contentType(ContentType.JSON)"
                    + ".body(Map.of()).request(\"" + ResourceMethods.httpMethod(operation) + "\", " + target
                    + ").then().statusCode(405).contentType(\"application/problem+json\");");
        }
    }

    private static String validBody(EntityModel entity) {
        List<SampleValues.Member> members = SampleValues.requiredMembers(entity);
        return members.stream().map(member -> "Map.entry(\"" + member.field() + "\", " + member.expression() + ")")
                .collect(Collectors.joining(", ", "Map.ofEntries(", ")"));
    }

    private static java.util.Optional<FieldModel> requiredField(EntityModel entity) {
        return entity.fields().stream().filter(FieldModel::required).findFirst();
    }

    private static void test(SourceText out, String name, String... statements) {
        out.line(0, "");
        out.line(1, "@Test");
        out.line(1, "void " + Character.toLowerCase(name.charAt(0)) + name.substring(1) + "() {");
        for (String statement : statements) {
            // One call of the chain a line from .then() on, as a reader of RestAssured expects.
            String[] calls = statement.replace(").then()", ")\n.then()").replace(".body(\"", "\n.body(\"")
                    .replace(".extract()", "\n.extract()").split("\n");
            out.line(2, calls[0]);
            for (int i = 1; i < calls.length; i++) {
                out.line(4, calls[i]);
            }
        }
        out.line(1, "}");
    }
}
