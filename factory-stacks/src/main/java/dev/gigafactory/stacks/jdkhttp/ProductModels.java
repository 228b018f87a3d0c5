package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.spec.EntitySpec;
import dev.gigafactory.contracts.spec.Operation;
import dev.gigafactory.contracts.spec.ServiceDefinition;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.validation.Identifiers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves a spec into a {@link ProductModel}, checking again every name and value that will end up in source code.
 * Intake has validated the spec already; this is the second lock on the door, because a name that slipped through
 * here would become code. Every problem is collected, then the spec is refused as a whole.
 */
public final class ProductModels {

    public static final String PACKAGE_PREFIX = "dev.gigafactory.product.";

    private static final Pattern SPEC_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?");
    private static final Pattern ENTITY_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,59}");
    private static final Pattern PLURAL = Pattern.compile("[a-z][a-z0-9-]{0,59}");
    private static final Set<String> RESERVED_SEGMENTS = Set.of("health", "metrics");

    private ProductModels() {
    }

    /** The model of a {@code jdk-http} spec. */
    public static ProductModel from(ServiceSpec document, int version) {
        return from(document, version, ServiceDefinition.DEFAULT_STACK);
    }

    /** The model of a spec of {@code stack}: the names every stack puts into code are checked the same way. */
    public static ProductModel from(ServiceSpec document, int version, String stack) {
        String name = document == null || document.metadata() == null ? null : document.name();
        if (name == null || !SPEC_NAME.matcher(name).matches()) {
            throw new UnsafeSpecException(String.valueOf(name),
                    List.of("/metadata/name: not a DNS label of 1 to 40 characters"));
        }
        ServiceSpec spec = normalized(document, name);
        List<String> problems = new ArrayList<>();
        if (!stack.equals(spec.spec().stack())) {
            problems.add("/spec/stack: '" + spec.spec().stack() + "' is not the stack " + stack + " writes");
        }
        List<EntitySpec> specs = spec.spec().entities();
        if (specs.isEmpty()) {
            problems.add("/spec/entities: there are no entities");
        }
        List<EntityModel> entities = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            EntityModel entity = entity(specs.get(i), "/spec/entities/" + i, problems);
            if (entity != null) {
                entities.add(entity);
            }
        }
        checkDistinct(entities, problems);
        if (!problems.isEmpty()) {
            throw new UnsafeSpecException(name, problems);
        }
        return new ProductModel(name, version, spec.spec().description(),
                PACKAGE_PREFIX + JavaNames.packageSegment(name), entities);
    }

    private static ServiceSpec normalized(ServiceSpec document, String name) {
        try {
            return document.normalized();
        } catch (RuntimeException e) {
            throw new UnsafeSpecException(name, List.of("the spec is incomplete: " + e));
        }
    }

    /** The entity, or null after adding to {@code problems} why it cannot be generated. */
    private static EntityModel entity(EntitySpec spec, String at, List<String> problems) {
        String name = spec.name();
        if (name == null || !ENTITY_NAME.matcher(name).matches() || !Identifiers.isSafeIdentifier(name)) {
            problems.add(at + "/name: '" + name + "' is not a safe PascalCase Java type name");
            return null;
        }
        String plural = spec.pluralOrDefault();
        if (!PLURAL.matcher(plural).matches() || RESERVED_SEGMENTS.contains(plural)) {
            problems.add(at + "/plural: '" + plural + "' is not a URL segment the service can use");
        }
        List<FieldModel> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> components = new HashSet<>();
        for (int j = 0; j < spec.fields().size(); j++) {
            FieldModel field = FieldRules.field(spec.fields().get(j), at + "/fields/" + j, problems);
            if (field == null) {
                continue;
            }
            if (!names.add(field.name()) || !components.add(field.javaName())) {
                problems.add(at + "/fields/" + j + "/name: '" + field.name() + "' clashes with another field");
            }
            fields.add(field);
        }
        List<Operation> operations = spec.operationsOrDefault().stream().filter(Objects::nonNull).distinct()
                .sorted().toList();
        return new EntityModel(name, JavaNames.typeNameFor(name), plural, operations, fields);
    }

    // Class names must differ even ignoring case: the sources become files, and some file systems ignore case.
    private static void checkDistinct(List<EntityModel> entities, List<String> problems) {
        Set<String> types = new HashSet<>();
        Set<String> plurals = new HashSet<>();
        for (EntityModel entity : entities) {
            for (String type : List.of(entity.javaName(), entity.validatorName(), entity.storeName())) {
                boolean derivedIsTaken = !type.equals(entity.javaName()) && JavaNames.isTaken(type);
                if (!types.add(type.toLowerCase(Locale.ROOT)) || derivedIsTaken) {
                    problems.add("entity '" + entity.name() + "' needs a class " + type
                            + " whose name is already used; rename the entity");
                }
            }
            if (!plurals.add(entity.plural())) {
                problems.add("entity '" + entity.name() + "': URL segment '/" + entity.plural() + "' is used twice");
            }
        }
    }
}
