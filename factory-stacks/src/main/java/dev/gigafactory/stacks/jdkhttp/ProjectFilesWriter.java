package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.product.ProductContract;

/** The files around the sources: the manifest the factory reads, the build script, the ignore list. */
final class ProjectFilesWriter {

    /** Names the product's own test runner; the tester runs it before the acceptance steps. */
    static final String TEST_CLASS_KEY = ProductContract.TEST_CLASS_KEY;

    private ProjectFilesWriter() {
    }

    static String manifest(ProductModel product) {
        return "# How the factory builds, tests and starts this product.\n"
                + ProductContract.MAIN_CLASS_KEY + "=" + product.mainClass() + "\n"
                + TEST_CLASS_KEY + "=" + product.testClass() + "\n"
                + ProductContract.STACK_KEY + "=" + StackRevision.STACK + "\n"
                + ProductContract.STACK_REVISION_KEY + "=" + StackRevision.current() + "\n"
                + "spec=" + product.spec() + "\n"
                + "version=" + product.version() + "\n";
    }

    static String buildScript(ProductModel product) {
        String jar = "build/" + product.spec() + ".jar";
        return """
                #!/bin/sh
                # Builds the product with the JDK alone (17 or newer): compile, run the tests, package a runnable jar.
                set -eu
                cd "$(dirname "$0")"
                rm -rf build
                mkdir -p build/classes build/test-classes
                javac --release 17 -d build/classes $(find src/main/java -name '*.java')
                javac --release 17 -cp build/classes -d build/test-classes $(find src/test/java -name '*.java')
                java -cp build/classes:build/test-classes %s
                jar --create --file %s --main-class %s -C build/classes .
                echo "built %s"
                """.formatted(product.testClass(), jar, product.mainClass(), jar);
    }

    static String gitignore() {
        return "build/\ndata/\n";
    }
}
