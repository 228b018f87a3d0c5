package dev.gigafactory.contracts.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Checks a document against the ServiceSpec JSON Schema, the single source of truth for the format. */
public final class SchemaCheck {

    public static final String SCHEMA_RESOURCE = "/dev/gigafactory/contracts/spec/servicespec-v1alpha1.schema.json";

    private final JsonSchema schema;

    public SchemaCheck() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ENGLISH)
                .formatAssertionsEnabled(true)
                .build();
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + SCHEMA_RESOURCE);
            }
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream openSchema() {
        return SchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE);
    }

    public List<Problem> check(JsonNode document) {
        return schema.validate(document).stream().map(SchemaCheck::toProblem).distinct().sorted().toList();
    }

    private static Problem toProblem(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String pointer = "/".equals(location) ? "" : location;
        String type = message.getType();
        if (("required".equals(type) || "additionalProperties".equals(type)) && message.getProperty() != null) {
            pointer = Pointer.child(pointer, message.getProperty());
        }
        return Problem.at(pointer, readable(message, location));
    }

    private static String readable(ValidationMessage message, String location) {
        String text = message.getMessage();
        String prefix = location + ": ";
        if (text.startsWith(prefix)) {
            text = text.substring(prefix.length());
        } else if (text.startsWith("$: ")) {
            text = text.substring(3);
        }
        return switch (message.getType()) {
            case "additionalProperties" -> "unknown property '" + message.getProperty() + "'";
            case "required" -> "required property '" + message.getProperty() + "' is missing";
            default -> text;
        };
    }
}
