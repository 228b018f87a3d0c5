package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.product.ProductStartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where products live under {@code <work>/products/<spec>/}: one directory per version with its jar and log, one data
 * directory shared by all versions so data survives a redeploy.
 */
final class ProductFiles {

    private final ArtifactStore artifacts;
    private final Path products;

    ProductFiles(ArtifactStore artifacts, Path workDir) {
        this.artifacts = artifacts;
        this.products = workDir.resolve("products");
    }

    /** Where every product's processes run from: a process naming it on its command line is one of ours. */
    String root() {
        return products.toAbsolutePath() + "/";
    }

    Path versionDir(String spec, int version) {
        return products.resolve(spec).resolve("v" + version);
    }

    Path dataDir(String spec) {
        return products.resolve(spec).resolve("data");
    }

    Path log(String spec, int version) {
        return versionDir(spec, version).resolve("product.log");
    }

    /** The last lines the version wrote; empty when it wrote none or they cannot be read. */
    String logTail(String spec, int version) {
        try {
            Path log = log(spec, version);
            return Files.exists(log) ? ProductProcess.tail(Files.readString(log)) : "";
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** The version's jar: exactly the bytes named by the digest, written beside and moved in (never overwritten). */
    Path placeJar(String spec, int version, String digest) throws ProductStartException {
        Path jar = versionDir(spec, version).resolve("app.jar");
        try (InputStream content = artifacts.open(digest)
                .orElseThrow(() -> new ProductStartException("artifact " + digest + " is not in the store", ""))) {
            Files.createDirectories(jar.getParent());
            Path temporary = Files.createTempFile(jar.getParent(), ".app-", ".jar");
            Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(temporary, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot place " + digest + " at " + jar, e);
        }
    }
}
