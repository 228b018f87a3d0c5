package dev.gigafactory.contracts.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The {@code spec} section of a ServiceSpec: what the service stores, how it is checked, how well it must run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceDefinition(
        String description,
        String stack,
        String requirements,
        List<EntitySpec> entities,
        List<AcceptanceCase> acceptance,
        Slo slo,
        Integer replicas) {

    public static final String DEFAULT_STACK = "jdk-http";

    public ServiceDefinition {
        entities = entities == null ? List.of() : entities;
        acceptance = acceptance == null ? List.of() : acceptance;
    }

    ServiceDefinition normalized() {
        return new ServiceDefinition(
                description,
                stack == null ? DEFAULT_STACK : stack,
                requirements,
                entities().stream().map(EntitySpec::normalized).toList(),
                acceptance(),
                slo == null ? Slo.DEFAULT : slo.normalized(),
                replicas == null ? 1 : replicas);
    }
}
