package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.contracts.spec.Operation;
import dev.gigafactory.stacks.JavaLiterals;
import dev.gigafactory.stacks.jdkhttp.EntityModel;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The method of a resource for one operation: the operation itself, or a hidden 405 when the spec leaves it out. */
final class ResourceMethods {

    static final List<Operation> COLLECTION = List.of(Operation.LIST, Operation.CREATE);
    static final List<Operation> ITEM = List.of(Operation.GET, Operation.UPDATE, Operation.DELETE);

    private static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "DELETE");

    private final SourceText out;
    private final EntityModel entity;
    private final String type;

    ResourceMethods(SourceText out, EntityModel entity) {
        this.out = out;
        this.entity = entity;
        this.type = entity.javaName();
    }

    static String httpMethod(Operation operation) {
        return switch (operation) {
            case LIST, GET -> "GET";
            case CREATE -> "POST";
            case UPDATE -> "PUT";
            case DELETE -> "DELETE";
        };
    }

    /** The methods offered among the operations, in the order the jdk-http stack lists them: {@code GET, POST}. */
    static String allow(EntityModel entity, List<Operation> operations) {
        return operations.stream().filter(entity::supports).map(ResourceMethods::httpMethod)
                .sorted(Comparator.comparingInt(METHOD_ORDER::indexOf)).collect(Collectors.joining(", "));
    }

    void write(Operation operation, boolean offered) {
        boolean item = operation == Operation.GET || operation == Operation.UPDATE || operation == Operation.DELETE;
        out.line(0, "");
        out.line(1, "@" + httpMethod(operation));
        if (item) {
            out.line(1, "@Path(\"{id}\")");
        }
        if (!offered) {
            notOffered(operation, item);
            return;
        }
        if (operation != Operation.LIST && operation != Operation.GET) {
            out.line(1, "@Transactional");
        }
        switch (operation) {
            case LIST -> body("public List<" + type + "> list(@Context UriInfo uri)", "return hooks.listed(ENTITY, "
                    + type + ".listAll(Sort.by(" + JavaLiterals.string(EntityWriter.ORDER_FIELD)
                    + ")), uri.getQueryParameters());");
            case GET -> body("public " + type + " get(@PathParam(\"id\") String id)", "return find(id);");
            case CREATE -> body("public Response create(@Valid @NotNull " + type + " body)",
                    "body.id = UUID.randomUUID();", "hooks.beforeCreate(ENTITY, body, READS);", "body.persist();",
                    "hooks.after(\"create\", ENTITY, body);", "return Response.created(URI.create("
                            + JavaLiterals.string("/" + entity.plural() + "/") + " + body.id)).entity(body).build();");
            case UPDATE -> body("public " + type + " update(@PathParam(\"id\") String id, @Valid @NotNull " + type
                    + " body)", type + " found = find(id);", "body.id = found.id;",
                    "hooks.beforeUpdate(ENTITY, found, body, READS);", "found.replaceWith(body);",
                    "hooks.after(\"update\", ENTITY, found);", "return found;");
            case DELETE -> body("public Response delete(@PathParam(\"id\") String id)", type + " found = find(id);",
                    "hooks.beforeDelete(ENTITY, found, READS);", "found.delete();",
                    "hooks.after(\"delete\", ENTITY, found);", "return Response.noContent().build();");
        }
    }

    private void notOffered(Operation operation, boolean item) {
        out.line(1, "@Operation(hidden = true)");
        String name = "no" + Character.toUpperCase(operation.name().charAt(0))
                + operation.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        String parameters = item ? "@PathParam(\"id\") String id" : "";
        body("public Response " + name + "(" + parameters + ")",
                "throw notAllowed(" + (item ? "ALLOW_ITEM" : "ALLOW_COLLECTION") + ");");
    }

    private void body(String signature, String... statements) {
        out.line(1, signature + " {");
        for (String statement : statements) {
            out.line(2, statement);
        }
        out.line(1, "}");
    }
}
