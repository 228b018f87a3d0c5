package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.spec.Operation;
import dev.gigafactory.stacks.JavaLiterals;
import java.util.Set;

/** Writes the entry point: one store per entity, the journal replayed into them, the routes, then the server. */
final class MainWriter {

    private MainWriter() {
    }

    static String write(ProductModel product) {
        JavaWriter java = new JavaWriter(product.packageName(),
                Set.of("java.io.IOException", "java.util.List", "java.util.Set"));
        // No version here: an incremental plan keeps this file while the entities stay as they are.
        java.line("/** Starts the " + product.spec() + " service: stores, journal replay, routes, HTTP. */");
        java.open("public final class Main");
        java.blank();
        java.open("private Main()");
        java.close();
        java.blank();
        java.open("public static void main(String[] args) throws IOException");
        java.line("Journal journal = Journal.open(Server.dataDir());");
        for (EntityModel entity : product.entities()) {
            java.line(entity.storeName() + " " + entity.storeVariable() + " = new " + entity.storeName()
                    + "(journal);");
        }
        java.wrapped("journal.replay(List.of(", product.entities().stream().map(EntityModel::storeVariable).toList(),
                "));");
        java.blank();
        java.line("Router router = new Router(new Metrics());");
        for (EntityModel entity : product.entities()) {
            java.line("router.register(" + JavaLiterals.string(entity.plural()) + ", " + entity.storeVariable()
                    + ", " + JavaLiterals.stringSet(entity.operations().stream().map(Operation::wireName).toList())
                    + ");");
        }
        java.line("Server.start(router, journal);");
        java.close();
        java.close();
        return java.toString();
    }
}
