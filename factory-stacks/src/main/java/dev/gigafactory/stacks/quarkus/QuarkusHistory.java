package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.contracts.product.QuarkusManifest;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A version's Flyway migrations. The earlier ones are what deployed databases went through, and Flyway checks them by
 * checksum: they are kept byte for byte from the tree the previous version passed with, never written again. Only
 * this version's is written, from the model of the base's version (its stored spec document) to this one. Version 1
 * needs no base. Any other version without a base that gives its history is not written at all: rewriting the history
 * from the current spec alone would lose what the database has.
 *
 * @param files the migrations by path, earlier ones first kept, then this version's
 * @param problems why this version's migration cannot be written (a change that would lose stored values)
 * @param failure why the history is unknown, or null
 */
record QuarkusHistory(Map<String, byte[]> files, List<String> problems, String failure) {

    static final String FOLDER = QuarkusProduct.RESOURCES + QuarkusManifest.MIGRATION_FOLDER;

    static QuarkusHistory of(ProductModel product, SourceTree base, String baseDigest) {
        int version = product.version();
        if (version == 1) {
            return written(Map.of(), Migrations.first(product));
        }
        String needs = "version " + version + " of a quarkus product keeps the migrations of the versions before it "
                + "from the tree the previous version passed with, and ";
        if (base == null) {
            return unknown(needs + (baseDigest == null
                    ? "the plan names no such tree"
                    : "its base tree " + baseDigest + " cannot be read"));
        }
        Properties manifest = manifest(base);
        String stack = manifest.getProperty(ProductContract.STACK_KEY);
        if (!ProjectWriter.STACK.equals(stack)) {
            return unknown(needs + "its base tree was written by stack '" + stack + "', which has no migrations");
        }
        int baseVersion = parse(manifest.getProperty("version"));
        if (baseVersion < 1 || baseVersion >= version) {
            return unknown(needs + "its base tree is of version " + manifest.getProperty("version")
                    + ", not an earlier one");
        }
        String document = base.text(QuarkusTasks.SPEC_DOCUMENT);
        if (document == null) {
            return unknown(needs + "its base tree has no " + QuarkusTasks.SPEC_DOCUMENT + " to tell version "
                    + baseVersion + "'s schema");
        }
        Map<String, byte[]> earlier = new TreeMap<>();
        base.files().forEach((path, bytes) -> {
            if (path.startsWith(FOLDER)) {
                earlier.put(path, bytes);
            }
        });
        if (earlier.keySet().stream().noneMatch(path -> path.startsWith(FOLDER + "V" + baseVersion + "__"))) {
            return unknown(needs + "its base tree has no migration of its version " + baseVersion);
        }
        ProductModel previous;
        try {
            previous = ProductModels.from(Json.read(document, ServiceSpec.class), baseVersion, ProjectWriter.STACK);
        } catch (UncheckedIOException | UnsafeSpecException e) {
            return unknown(needs + "version " + baseVersion + "'s spec in its base tree cannot be read: "
                    + e.getMessage());
        }
        return written(earlier, Migrations.next(previous, product));
    }

    boolean known() {
        return failure == null;
    }

    private static QuarkusHistory written(Map<String, byte[]> earlier, Migrations.Migration newest) {
        Map<String, byte[]> files = new TreeMap<>(earlier);
        files.put(FOLDER + newest.fileName(), newest.sql().getBytes(StandardCharsets.UTF_8));
        return new QuarkusHistory(files, newest.problems(), null);
    }

    private static QuarkusHistory unknown(String why) {
        return new QuarkusHistory(Map.of(), List.of(), why);
    }

    static Properties manifest(SourceTree tree) {
        Properties manifest = new Properties();
        String text = tree.text(ProductContract.MANIFEST);
        try {
            manifest.load(new StringReader(text == null ? "" : text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifest;
    }

    private static int parse(String number) {
        try {
            return number == null ? -1 : Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
