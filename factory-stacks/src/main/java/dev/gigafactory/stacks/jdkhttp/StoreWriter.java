package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.stacks.JavaLiterals;
import java.util.Set;

/** Writes an entity's store: the generic {@code Store} bound to the entity's record, validator and JSON shape. */
final class StoreWriter {

    private StoreWriter() {
    }

    static String write(ProductModel product, EntityModel entity) {
        JavaWriter java = new JavaWriter(product.packageName(), Set.of("java.util.Map"));
        String type = entity.javaName();
        java.line("/** " + entity.name() + " records in creation order, durable through the journal. */");
        java.open("final class " + entity.storeName() + " extends Store<" + type + ">");
        java.blank();
        java.open(entity.storeName() + "(Journal journal)");
        java.line("super(" + JavaLiterals.string(entity.name()) + ", journal);");
        java.close();
        java.blank();
        java.line("@Override");
        java.open("protected " + type + " fromRequest(String id, Map<String, Object> body)");
        java.line("return " + entity.validatorName() + ".fromRequest(id, body);");
        java.close();
        java.blank();
        java.line("@Override");
        java.open("protected " + type + " fromStored(String id, Map<String, Object> object)");
        java.line("return " + entity.validatorName() + ".fromStored(id, object);");
        java.close();
        java.blank();
        java.line("@Override");
        java.open("protected Map<String, Object> toJson(" + type + " value)");
        java.line("return value.toJson();");
        java.close();
        java.close();
        return java.toString();
    }
}
