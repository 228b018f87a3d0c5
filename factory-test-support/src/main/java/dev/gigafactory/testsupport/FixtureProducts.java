package dev.gigafactory.testsupport;

import dev.gigafactory.contracts.product.ProductContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Runnable jars of a stand-in product that honours the product contract — for tests of what runs products (deployer,
 * monitor) without depending on the coder. Compiled once per JVM with javax.tools.
 */
public final class FixtureProducts {

    private static final String MAIN_CLASS = "FixtureProduct";
    private static Path classes;

    private FixtureProducts() {
    }

    /** A healthy product that answers {@code /label} with this label; each label gives a different artifact. */
    public static byte[] jar(String label) {
        return pack("label=" + label + "\n");
    }

    /** A product that exits before it ever listens. */
    public static byte[] brokenJar(String label) {
        return pack("label=" + label + "\nbroken=true\n");
    }

    /** A product that prints something and then never listens. */
    public static byte[] hangingJar(String label) {
        return pack("label=" + label + "\nhang=true\n");
    }

    /** A product that gets ready, then dies {@code millis} later with exit code 4. */
    public static byte[] crashingJar(String label, long millis) {
        return pack("label=" + label + "\ncrashAfterMs=" + millis + "\n");
    }

    /** A healthy product whose {@code /work} takes {@code slowMs} to answer. */
    public static byte[] slow(String label, long slowMs) {
        return pack("label=" + label + "\nslowMs=" + slowMs + "\n");
    }

    private static byte[] pack(String settings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest); Stream<Path> files = Files.list(classes())) {
            for (Path file : files.sorted().toList()) {
                add(jar, file.getFileName().toString(), Files.readAllBytes(file));
            }
            add(jar, "fixture.properties", settings.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // A fixed entry time keeps the jar's bytes, and so its digest, the same for the same label.
    private static void add(JarOutputStream jar, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(0);
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
    }

    private static synchronized Path classes() throws IOException {
        if (classes == null) {
            Path dir = Files.createTempDirectory("fixture-product");
            Path source = dir.resolve(MAIN_CLASS + ".java");
            Files.writeString(source, template().replace("${READY_LINE}", ProductContract.READY_LINE));
            Path out = Files.createDirectories(dir.resolve("classes"));
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            int status = compiler.run(null, null, null,
                    List.of("-d", out.toString(), source.toString()).toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("the fixture product does not compile");
            }
            classes = out;
        }
        return classes;
    }

    private static String template() throws IOException {
        try (InputStream in = FixtureProducts.class.getResourceAsStream("FixtureProduct.java.template")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
