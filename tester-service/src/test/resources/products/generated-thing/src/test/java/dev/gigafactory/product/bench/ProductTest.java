package dev.gigafactory.product.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The service's own checks, without a test framework. Exit code 0 means every check passed. */
public final class ProductTest {

    private ProductTest() {
    }

    public static void main(String[] args) throws IOException {
        Check check = new Check();
        JsonChecks.run(check);
        checkThing0Validation(check);
        checkThing0Store(check);
        System.exit(check.summarize("ProductTest"));
    }

    private static Map<String, Object> validThing0Body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "x");
        return body;
    }

    private static void checkThing0Validation(Check check) {
        Thing0 accepted = Thing0Validator.fromRequest("id-1", validThing0Body());
        check.equal("id-1", accepted.id(), "Thing0 keeps the id it is given");
        check.equal(null, accepted.toJson().get("code"), "Thing0.code is null when left out");
        check.equal(null, accepted.toJson().get("notes"), "Thing0.notes is null when left out");
        check.equal(1L, accepted.toJson().get("count"), "Thing0.count takes its default when left out");
        check.equal(null, accepted.toJson().get("price"), "Thing0.price is null when left out");
        check.equal(Boolean.TRUE, accepted.toJson().get("active"), "Thing0.active takes its default when left out");
        check.equal(null, accepted.toJson().get("due"), "Thing0.due is null when left out");
        check.equal("m", accepted.toJson().get("size"), "Thing0.size takes its default when left out");
        check.rejects("Thing0.title is required", "title",
                () -> Thing0Validator.fromRequest("id", without(validThing0Body(), "title")));
        check.rejects("Thing0.title is not a string", "title",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "title", 42L)));
        check.rejects("Thing0.title is shorter than minLength", "title",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "title", "x".repeat(0))));
        check.rejects("Thing0.title is longer than maxLength", "title",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "title", "x".repeat(201))));
        check.rejects("Thing0.code is not a string", "code",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "code", 42L)));
        check.rejects("Thing0.code does not match the pattern", "code",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "code", "")));
        check.rejects("Thing0.notes is not a string", "notes",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "notes", 42L)));
        check.rejects("Thing0.count is not a number", "count",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "count", "x")));
        check.rejects("Thing0.count has a fraction", "count",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "count", new BigDecimal("1.5"))));
        check.rejects("Thing0.count does not fit 64 bits", "count",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "count", new BigInteger("9223372036854775808"))));
        check.rejects("Thing0.count is below minimum", "count",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "count", -1L)));
        check.rejects("Thing0.count is above maximum", "count",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "count", 1001L)));
        check.rejects("Thing0.price is not a number", "price",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "price", "x")));
        check.rejects("Thing0.price is below minimum", "price",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "price", new BigDecimal("-1"))));
        check.rejects("Thing0.active is not a boolean", "active",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "active", "yes")));
        check.rejects("Thing0.due is not a string", "due",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "due", 42L)));
        check.rejects("Thing0.due is not a date", "due",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "due", "2024-02-30")));
        check.rejects("Thing0.size is not a string", "size",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "size", 42L)));
        check.rejects("Thing0.size is not one of the values", "size",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "size", "~not-a-value")));
        check.rejects("Thing0 refuses unknown fields", "unknown-field",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "unknown-field", 1L)));
        check.rejects("Thing0 refuses an id chosen by the client", "id",
                () -> Thing0Validator.fromRequest("id", with(validThing0Body(), "id", "chosen")));
        Thing0 old = Thing0Validator.fromStored("id-2", Map.of("retiredField", 1L));
        check.equal("id-2", old.id(), "Thing0 reads records written by older versions");
        check.equal(null, old.toJson().get("title"), "Thing0.title is null in records older than the field");
        check.equal(null, old.toJson().get("code"), "Thing0.code is null in records older than the field");
        check.equal(null, old.toJson().get("notes"), "Thing0.notes is null in records older than the field");
        check.equal(1L, old.toJson().get("count"), "Thing0.count takes its default in records older than the field");
        check.equal(null, old.toJson().get("price"), "Thing0.price is null in records older than the field");
        check.equal(
                Boolean.TRUE, old.toJson().get("active"),
                "Thing0.active takes its default in records older than the field");
        check.equal(null, old.toJson().get("due"), "Thing0.due is null in records older than the field");
        check.equal("m", old.toJson().get("size"), "Thing0.size takes its default in records older than the field");
    }

    private static void checkThing0Store(Check check) throws IOException {
        Path dataDir = Files.createTempDirectory("product-test-");
        String id;
        try (Journal journal = Journal.open(dataDir)) {
            Thing0Store store = new Thing0Store(journal);
            Map<String, Object> created = store.create(validThing0Body());
            id = (String) created.get("id");
            check.equal(created, store.get(id), "Thing0: get answers what create stored");
            check.equal(List.of(created), store.list(), "Thing0: list answers the record");
            check.that(store.replace(id, validThing0Body()) != null, "Thing0: replace finds it");
            check.that(store.replace("unknown", validThing0Body()) == null, "Thing0: replace of an unknown id finds nothing");
        }
        try (Journal journal = Journal.open(dataDir)) {
            Thing0Store store = new Thing0Store(journal);
            journal.replay(List.of(store));
            check.that(store.get(id) != null, "Thing0 survives a restart");
            check.that(store.delete(id), "Thing0: delete removes it");
        }
        try (Journal journal = Journal.open(dataDir)) {
            Thing0Store store = new Thing0Store(journal);
            journal.replay(List.of(store));
            check.equal(0, store.size(), "Thing0: a deleted record stays deleted");
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
