package dev.gigafactory.stacks.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per case under src/test/resources/migrations: {@code v1.yaml} (and {@code v2.yaml}), and either the
 * migration expected from them ({@code V*.sql}, name and text) or {@code problems.txt}, one expected fragment a line.
 */
class MigrationsTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "migrations");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(CORPUS)) {
            return folders.map(folder -> folder.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void writesTheMigrationOfTheCase(String name) throws IOException {
        Path folder = CORPUS.resolve(name);
        ProductModel first = model(folder.resolve("v1.yaml"), 1);

        Migrations.Migration migration = Files.exists(folder.resolve("v2.yaml"))
                ? Migrations.next(first, model(folder.resolve("v2.yaml"), 2))
                : Migrations.first(first);

        Path problems = folder.resolve("problems.txt");
        if (Files.exists(problems)) {
            List<String> expected = Files.readAllLines(problems).stream().filter(line -> !line.isBlank()).toList();
            assertThat(migration.problems()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(migration.problems().get(i)).contains(expected.get(i));
            }
        } else {
            Path expected = expectedMigration(folder);
            assertThat(migration.problems()).isEmpty();
            assertThat(migration.fileName()).isEqualTo(expected.getFileName().toString());
            assertThat(migration.sql()).as(migration.sql()).isEqualTo(Files.readString(expected));
        }
    }

    private static ProductModel model(Path yaml, int version) throws IOException {
        return ProductModels.from(ExampleSpecs.parse(Files.readString(yaml)), version);
    }

    private static Path expectedMigration(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql")).findFirst()
                    .orElseThrow(() -> new AssertionError(folder + " has neither a V*.sql nor problems.txt"));
        }
    }
}
