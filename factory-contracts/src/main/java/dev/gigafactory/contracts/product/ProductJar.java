package dev.gigafactory.contracts.product;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * What a product's runnable jar says of itself. Whatever the stack, a product ships as one jar whose manifest names
 * its entry point; the tester and the deployer start it by that name, inside the sandbox, after the relay.
 */
public final class ProductJar {

    private ProductJar() {
    }

    /** The jar's Main-Class; a start failure naming the jar when it has none or cannot be read. */
    public static String mainClass(Path jar) throws ProductStartException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String main = file.getManifest() == null
                    ? null
                    : file.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (main == null || main.isBlank()) {
                throw new ProductStartException("the artifact " + jar.getFileName() + " names no Main-Class", "");
            }
            return main.strip();
        } catch (IOException e) {
            throw new ProductStartException(
                    "the artifact " + jar.getFileName() + " is not a readable jar: " + e.getMessage(), "");
        }
    }
}
