package dev.gigafactory.tester.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.spec.AcceptanceCase;
import dev.gigafactory.contracts.spec.AcceptanceStep;
import dev.gigafactory.contracts.spec.EntitySpec;
import dev.gigafactory.contracts.spec.FieldSpec;
import dev.gigafactory.contracts.spec.Operation;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The generated robustness suite: what every product must do beyond the spec's own examples (DESIGN.md, "What a
 * generated service must do"), derived from the spec. For each entity it can create: a valid body is accepted, then
 * every rule of every field broken one at a time, malformed, non-object and oversized bodies; for each entity: an
 * unknown id is 404 and an operation left out is 405; and an unknown route is 404. Bounded to {@link #MAX_PROBES}.
 */
public final class RobustnessSuite {

    public static final int MAX_PROBES = 200;
    /** Above the 1 MiB a product must accept, by a margin a product that reads and drops the excess still absorbs. */
    static final int OVERSIZED_BYTES = 1024 * 1024 + 1024;
    static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
    static final String PREFIX = "robustness: ";

    private static final Set<Integer> BAD_REQUEST = Set.of(400);

    private RobustnessSuite() {
    }

    public static List<Probe> of(ServiceSpec spec) {
        List<Probe> probes = new ArrayList<>();
        for (EntitySpec entity : spec.spec().entities()) {
            if (entity.supports(Operation.CREATE)) {
                creation(spec, entity, probes);
            }
            unknownIds(spec, entity, probes);
            notOffered(spec, entity, probes);
        }
        probes.add(new Probe(PREFIX + "an unknown route is 404", "GET", "/gigafactory-no-such-route", null,
                Set.of(404), false));
        probes.add(new Probe(PREFIX + "still healthy afterwards", "GET", "/health", null, Set.of(200), false));
        return probes.size() > MAX_PROBES ? List.copyOf(probes.subList(0, MAX_PROBES)) : List.copyOf(probes);
    }

    private static void creation(ServiceSpec spec, EntitySpec entity, List<Probe> probes) {
        String path = "/" + entity.pluralOrDefault();
        String name = PREFIX + entity.name();
        Optional<ObjectNode> valid = validBody(spec, entity);
        if (valid.isPresent()) {
            probes.add(new Probe(name + ": a valid body is accepted", "POST", path, bytes(valid.get()), Set.of(201),
                    false));
            for (FieldSpec field : entity.fields()) {
                if (field.isRequired()) {
                    ObjectNode body = valid.get().deepCopy();
                    body.remove(field.name());
                    probes.add(new Probe(name + "." + field.name() + " missing (required)", "POST", path, bytes(body),
                            BAD_REQUEST, true));
                }
                for (SampleValues.Violation violation : SampleValues.violations(field)) {
                    ObjectNode body = valid.get().deepCopy();
                    body.set(field.name(), violation.value());
                    probes.add(new Probe(name + "." + field.name() + ": " + violation.rule(), "POST", path,
                            bytes(body), BAD_REQUEST, true));
                }
            }
        }
        probes.add(new Probe(name + ": malformed JSON body", "POST", path, "{\"".getBytes(StandardCharsets.UTF_8),
                BAD_REQUEST, true));
        probes.add(new Probe(name + ": a body that is not an object", "POST", path,
                "[]".getBytes(StandardCharsets.UTF_8), BAD_REQUEST, true));
        ObjectNode big = Json.mapper().createObjectNode().put("padding", "x".repeat(OVERSIZED_BYTES));
        probes.add(new Probe(name + ": a body over 1 MiB", "POST", path, bytes(big), Set.of(400, 413), false));
    }

    private static void unknownIds(ServiceSpec spec, EntitySpec entity, List<Probe> probes) {
        String item = "/" + entity.pluralOrDefault() + "/" + UNKNOWN_ID;
        String name = PREFIX + entity.name() + ": ";
        if (entity.supports(Operation.GET)) {
            probes.add(new Probe(name + "GET of an unknown id is 404", "GET", item, null, Set.of(404), true));
        }
        if (entity.supports(Operation.DELETE)) {
            probes.add(new Probe(name + "DELETE of an unknown id is 404", "DELETE", item, null, Set.of(404), true));
        }
        if (entity.supports(Operation.UPDATE)) {
            validBody(spec, entity).ifPresent(body -> probes.add(new Probe(name + "PUT of an unknown id is 404", "PUT",
                    item, bytes(body), Set.of(404), true)));
        }
    }

    private static void notOffered(ServiceSpec spec, EntitySpec entity, List<Probe> probes) {
        String plural = "/" + entity.pluralOrDefault();
        String item = plural + "/" + UNKNOWN_ID;
        byte[] body = validBody(spec, entity).map(RobustnessSuite::bytes)
                .orElse("{}".getBytes(StandardCharsets.UTF_8));
        for (Operation operation : Operation.values()) {
            if (entity.supports(operation)) {
                continue;
            }
            Probe probe = switch (operation) {
                case CREATE -> new Probe("", "POST", plural, body, Set.of(405), false);
                case LIST -> new Probe("", "GET", plural, null, Set.of(405), false);
                case GET -> new Probe("", "GET", item, null, Set.of(405), false);
                case UPDATE -> new Probe("", "PUT", item, body, Set.of(405), false);
                case DELETE -> new Probe("", "DELETE", item, null, Set.of(405), false);
            };
            probes.add(new Probe(PREFIX + entity.name() + ": " + operation.wireName() + " is not offered, 405",
                    probe.method(), probe.path(), probe.body(), probe.statuses(), false));
        }
    }

    /** A body every rule accepts: the spec's own example of a creation when it has one, else made up field by field. */
    static Optional<ObjectNode> validBody(ServiceSpec spec, EntitySpec entity) {
        String path = "/" + entity.pluralOrDefault();
        for (AcceptanceCase acceptanceCase : spec.spec().acceptance() == null
                ? List.<AcceptanceCase>of()
                : spec.spec().acceptance()) {
            for (AcceptanceStep step : acceptanceCase.steps()) {
                JsonNode body = step.request().body();
                if ("POST".equalsIgnoreCase(step.request().method()) && path.equals(step.request().path())
                        && step.expect().status() == 201 && body != null && body.isObject()
                        && !hasPlaceholder(body)) {
                    return Optional.of(((ObjectNode) body).deepCopy());
                }
            }
        }
        ObjectNode body = Json.mapper().createObjectNode();
        for (FieldSpec field : entity.fields()) {
            if (field.isRequired()) {
                Optional<JsonNode> value = SampleValues.valid(field);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                body.set(field.name(), value.get());
            }
        }
        return Optional.of(body);
    }

    // A value saved from an earlier step ("{id}") only means something inside its acceptance case.
    private static boolean hasPlaceholder(JsonNode body) {
        for (JsonNode value : body) {
            if (value.isTextual() && value.asText().contains("{")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(JsonNode body) {
        return Json.write(body);
    }
}
