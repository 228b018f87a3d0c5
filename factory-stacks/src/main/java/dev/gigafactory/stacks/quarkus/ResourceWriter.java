package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.contracts.spec.Operation;
import dev.gigafactory.stacks.JavaLiterals;
import dev.gigafactory.stacks.jdkhttp.EntityModel;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import java.util.List;

/**
 * The JAX-RS resource of one entity: {@code /plural} and {@code /plural/{id}}, only the spec's operations. An
 * operation left out still has a (hidden) method that answers 405 with the Allow header, so a client hears "not
 * here" rather than a 404 that suggests a wrong path. The spec's rules ({@code Hooks}) see every write before and
 * after it, inside its transaction, and filter every list.
 */
final class ResourceWriter {

    private ResourceWriter() {
    }

    static String write(ProductModel product, EntityModel entity) {
        SourceText out = new SourceText(product.packageName(), List.of("io.quarkus.panache.common.Sort",
                "jakarta.inject.Inject", "jakarta.transaction.Transactional", "jakarta.validation.Valid",
                "jakarta.validation.constraints.NotNull", "jakarta.ws.rs.Consumes", "jakarta.ws.rs.DELETE",
                "jakarta.ws.rs.GET", "jakarta.ws.rs.NotFoundException", "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT",
                "jakarta.ws.rs.Path", "jakarta.ws.rs.PathParam", "jakarta.ws.rs.Produces",
                "jakarta.ws.rs.WebApplicationException", "jakarta.ws.rs.core.Context", "jakarta.ws.rs.core.MediaType",
                "jakarta.ws.rs.core.Response", "jakarta.ws.rs.core.UriInfo", "java.net.URI", "java.util.List",
                "java.util.UUID",
                "org.eclipse.microprofile.openapi.annotations.Operation"));
        String type = entity.javaName();
        out.line(0, "/** {@code /" + entity.plural() + "}: the " + entity.name() + " records. */");
        out.line(0, "@Path(" + JavaLiterals.string("/" + entity.plural()) + ")");
        out.line(0, "@Produces(MediaType.APPLICATION_JSON)");
        out.line(0, "@Consumes(MediaType.APPLICATION_JSON)");
        out.line(0, "public class " + QuarkusNames.resourceName(entity) + " {");
        out.line(0, "");
        out.line(1, "private static final String ALLOW_COLLECTION = "
                + JavaLiterals.string(ResourceMethods.allow(entity, ResourceMethods.COLLECTION)) + ";");
        out.line(1, "private static final String ALLOW_ITEM = "
                + JavaLiterals.string(ResourceMethods.allow(entity, ResourceMethods.ITEM)) + ";");
        out.line(1, "private static final String ENTITY = " + JavaLiterals.string(entity.name()) + ";");
        out.line(1, "// How the rules read the stored records: on the request's thread, in its transaction.");
        out.line(1,
                "private static final StoredRecords.Reads READS = new StoredRecords.Reads(() -> " + type
                        + ".listAll(Sort.by("
                        + JavaLiterals.string(EntityWriter.ORDER_FIELD) + ")), " + QuarkusNames.resourceName(entity)
                        + "::stored);");
        out.line(0, "");
        out.line(1, "@Inject");
        out.line(1, "Hooks hooks;");
        ResourceMethods methods = new ResourceMethods(out, entity);
        for (Operation operation : List.of(Operation.LIST, Operation.CREATE, Operation.GET, Operation.UPDATE,
                Operation.DELETE)) {
            methods.write(operation, entity.supports(operation));
        }
        out.line(0, "");
        out.line(1, "private static " + type + " find(String id) {");
        out.line(2, type + " found = stored(id);");
        out.line(2, "if (found == null) {");
        out.line(3, "throw new NotFoundException(" + JavaLiterals.string("there is no " + entity.name() + " with id ")
                + " + id);");
        out.line(2, "}");
        out.line(2, "return found;");
        out.line(1, "}");
        out.line(0, "");
        out.line(1, "private static " + type + " stored(String id) {");
        out.line(2, "return isUuid(id) ? " + type + ".findById(UUID.fromString(id)) : null;");
        out.line(1, "}");
        out.line(0, "");
        out.line(1, "private static boolean isUuid(String id) {");
        out.line(2,
                "return id.matches(\"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\");");
        out.line(1, "}");
        out.line(0, "");
        out.line(1, "private static WebApplicationException notAllowed(String allow) {");
        out.line(2, "return new WebApplicationException(Response.status(405).header(\"Allow\", allow).build());");
        out.line(1, "}");
        return out.line(0, "}").toString();
    }
}
