package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.spec.Operation;
import java.util.List;
import java.util.Locale;

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

    /** Local variable holding this entity's store in generated code: {@code todoStore}, {@code uuidEntityStore}. */
    public String storeVariable() {
        int capitals = 0;
        while (capitals < javaName.length() && Character.isUpperCase(javaName.charAt(capitals))) {
            capitals++;
        }
        // A leading acronym is lowered whole, except the capital that starts the next word (UUIDEntity: uuidEntity).
        int lowered = capitals == 1 || capitals == javaName.length() ? capitals : capitals - 1;
        return javaName.substring(0, lowered).toLowerCase(Locale.ROOT) + javaName.substring(lowered)
                + "Store";
    }

    public boolean supports(Operation operation) {
        return operations.contains(operation);
    }
}
