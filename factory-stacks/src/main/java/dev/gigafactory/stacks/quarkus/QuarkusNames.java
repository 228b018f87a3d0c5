package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.stacks.jdkhttp.EntityModel;
import dev.gigafactory.stacks.jdkhttp.RequirementsWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The class names a quarkus product uses besides its entities'. An entity whose class or resource would clash with
 * one of them, or with a type the generated files import, is refused with the reason rather than written to fail.
 */
final class QuarkusNames {

    /** Field names whose Panache accessor would clash with a static method of PanacheEntityBase. */
    static final Set<String> PANACHE_CLASHES = Set.of("entityManager", "session");

    /** Simple names imported by the writers' generated files (the templates' are read from the templates). */
    private static final Set<String> WRITER_IMPORTS = Set.of("JsonIgnore", "JsonProperty", "PanacheEntityBase",
            "Column", "Entity", "Id", "Table", "UUID", "Generated", "NotNull", "Size", "Pattern", "Min", "Max",
            "DecimalMin", "DecimalMax", "BigDecimal", "LocalDate", "Instant", "Sort", "Transactional", "Valid",
            "Consumes", "DELETE", "GET", "POST", "PUT", "Path", "PathParam", "Produces", "NotFoundException",
            "WebApplicationException", "MediaType", "Response", "URI", "List", "Map", "Operation", "QuarkusTest",
            "Test", "RestAssured", "Matchers", "ContentType", "Inject", "Context", "UriInfo");

    private QuarkusNames() {
    }

    static String resourceName(EntityModel entity) {
        return entity.javaName() + "Resource";
    }

    /** Why the entities' classes cannot be written, or nothing. */
    static List<String> problems(List<EntityModel> entities) {
        Set<String> taken = new HashSet<>();
        QuarkusTemplates.MAIN_TYPES.forEach(type -> taken.add(type.toLowerCase(Locale.ROOT)));
        QuarkusTemplates.importedNames().forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
        WRITER_IMPORTS.forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
        taken.add(QuarkusTests.CLASS_NAME.toLowerCase(Locale.ROOT));
        taken.add(RequirementsWriter.CLASS_NAME.toLowerCase(Locale.ROOT));
        List<String> problems = new ArrayList<>();
        for (EntityModel entity : entities) {
            for (String type : List.of(entity.javaName(), resourceName(entity))) {
                if (!taken.add(type.toLowerCase(Locale.ROOT))) {
                    problems.add("entity '" + entity.name() + "' needs a class " + type
                            + " whose name the quarkus stack already uses; rename the entity");
                }
            }
        }
        return problems;
    }
}
