package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.stacks.jdkhttp.ProductModel;
import java.util.ArrayList;
import java.util.List;

/** A migration being written: its statements and comments in order, the words of its name, its problems. */
final class MigrationScript {

    private final StringBuilder sql = new StringBuilder();
    private final List<String> description = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    void statement(String statement) {
        sql.append(statement).append(";\n");
    }

    /** A comment line; spec names in it are checked identifiers, and line breaks cannot occur in them. */
    void comment(String text) {
        sql.append("-- ").append(text.replace('\n', ' ')).append('\n');
    }

    void described(String words) {
        description.add(words);
    }

    void problem(String problem) {
        problems.add(problem);
    }

    Migrations.Migration toMigration(ProductModel product, int maxDescription) {
        String name = description.isEmpty() ? "no_schema_change" : String.join("_", description);
        if (name.length() > maxDescription) {
            name = name.substring(0, maxDescription).replaceAll("_+$", "");
        }
        String text = sql.length() == 0 ? "-- version " + product.version() + " changes no table\n" : sql.toString();
        String header = "-- " + product.spec() + " version " + product.version() + "\n";
        return new Migrations.Migration(product.version(), "V" + product.version() + "__" + name + ".sql",
                header + text, problems);
    }
}
