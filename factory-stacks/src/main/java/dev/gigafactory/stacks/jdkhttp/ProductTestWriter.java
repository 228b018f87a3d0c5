package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.spec.FieldType;
import dev.gigafactory.stacks.SampleValues;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the product's own test runner: a {@code main} that checks the JSON codec, every entity's validator (each
 * rule broken once, defaults, required fields) and store (journal round trip, in a directory of its own), then exits
 * non-zero on any failure. {@code run()} does the same and returns the code instead: the gate calls it in the product's
 * own JVM ({@code ProductContract.TEST_RUN_METHOD}).
 */
final class ProductTestWriter {

    private ProductTestWriter() {
    }

    static String write(ProductModel product) {
        JavaWriter java = new JavaWriter(product.packageName(), imports(product));
        java.line("/** The service's own checks, without a test framework. Exit code 0 means every check passed. */");
        java.open("public final class ProductTest");
        java.blank();
        java.open("private ProductTest()");
        java.close();
        java.blank();
        java.open("public static void main(String[] args) throws IOException");
        java.line("System.exit(run());");
        java.close();
        java.blank();
        java.line("/** Every check, in this JVM; 0 when all of them passed. */");
        java.open("public static int run() throws IOException");
        java.line("Check check = new Check();");
        java.line("JsonChecks.run(check);");
        for (EntityModel entity : product.entities()) {
            java.line("check" + entity.javaName() + "Validation(check);");
            if (validBody(entity).isPresent()) {
                java.line("check" + entity.javaName() + "Store(check);");
            }
        }
        java.line("return check.summarize(\"ProductTest\");");
        java.close();
        for (EntityModel entity : product.entities()) {
            EntityChecksWriter.write(java, entity, validBody(entity));
        }
        helpers(java);
        java.close();
        return java.toString();
    }

    /** A body with a valid value for every required field, or empty when one of them has no derivable value. */
    static Optional<List<SampleValues.Member>> validBody(EntityModel entity) {
        List<SampleValues.Member> members = SampleValues.requiredMembers(entity);
        long required = entity.fields().stream().filter(FieldModel::required).count();
        return members.size() == required ? Optional.of(members) : Optional.empty();
    }

    private static Set<String> imports(ProductModel product) {
        Set<String> imports = new TreeSet<>(Set.of("java.io.IOException", "java.nio.file.Files",
                "java.nio.file.Path", "java.util.Comparator", "java.util.LinkedHashMap", "java.util.List",
                "java.util.Map", "java.util.stream.Stream"));
        List<FieldType> types = product.entities().stream().flatMap(entity -> entity.fields().stream())
                .map(FieldModel::type).toList();
        if (types.contains(FieldType.INTEGER) || types.contains(FieldType.DECIMAL)) {
            imports.add("java.math.BigDecimal");
        }
        if (types.contains(FieldType.INTEGER)) {
            imports.add("java.math.BigInteger");
        }
        return imports;
    }

    private static void helpers(JavaWriter java) {
        java.blank();
        java.open("private static Map<String, Object> with(Map<String, Object> body, String field, Object value)");
        java.line("Map<String, Object> copy = new LinkedHashMap<>(body);");
        java.line("copy.put(field, value);");
        java.line("return copy;");
        java.close();
        java.blank();
        java.open("private static Map<String, Object> without(Map<String, Object> body, String field)");
        java.line("Map<String, Object> copy = new LinkedHashMap<>(body);");
        java.line("copy.remove(field);");
        java.line("return copy;");
        java.close();
        java.blank();
        java.open("private static void deleteRecursively(Path directory) throws IOException");
        java.open("try (Stream<Path> paths = Files.walk(directory))");
        java.open("for (Path path : paths.sorted(Comparator.reverseOrder()).toList())");
        java.line("Files.delete(path);");
        java.close();
        java.close();
        java.close();
    }
}
