package dev.gigafactory.coder.domain;

import dev.gigafactory.contracts.spec.Operation;
import java.util.List;

/**
 * One entity of the product. {@code name} is the spec's (it labels journal records and messages); {@code javaName}
 * is the record's class name, the same unless that would clash with a type the generated code already uses.
 */
public record EntityModel(String name, String javaName, String plural, List<Operation> operations,
        List<FieldModel> fields) {

    public EntityModel {
        operations = List.copyOf(operations);
        fields = List.copyOf(fields);
    }

    public String validatorName() {
        return javaName + "Validator";
    }

    public String storeName() {
        return javaName + "Store";
    }

    /** Local variable holding this entity's store in generated code. */
    public String storeVariable() {
        return Character.toLowerCase(javaName.charAt(0)) + javaName.substring(1) + "Store";
    }

    public boolean supports(Operation operation) {
        return operations.contains(operation);
    }
}
