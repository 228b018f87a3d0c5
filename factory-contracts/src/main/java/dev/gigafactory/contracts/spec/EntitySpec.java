package dev.gigafactory.contracts.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntitySpec(String name, String plural, List<Operation> operations, List<FieldSpec> fields) {

    public EntitySpec {
        fields = fields == null ? List.of() : fields;
    }

    /** The URL segment: the given plural, or the lower-case name plus "s". */
    public String pluralOrDefault() {
        return plural != null ? plural : name.toLowerCase(Locale.ROOT) + "s";
    }

    public List<Operation> operationsOrDefault() {
        return operations == null ? List.of(Operation.values()) : operations;
    }

    public boolean supports(Operation operation) {
        return operationsOrDefault().contains(operation);
    }

    EntitySpec normalized() {
        List<Operation> ordered = operationsOrDefault().stream().distinct().sorted().toList();
        return new EntitySpec(name, pluralOrDefault(), ordered, fields().stream().map(FieldSpec::normalized).toList());
    }
}
