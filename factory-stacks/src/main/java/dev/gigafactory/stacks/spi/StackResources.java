package dev.gigafactory.stacks.spi;

import dev.gigafactory.contracts.codec.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** What a stack's revision is computed from: the class files and templates that decide what it writes. */
public final class StackResources {

    private StackResources() {
    }

    /** Adds the class file of {@code type} and of every class nested in it, as resource names. */
    public static void addClass(Class<?> type, Set<String> names) {
        String name = type.getName().replace('.', '/');
        names.add(name + ".class");
        for (Class<?> nested : type.getDeclaredClasses()) {
            addClass(nested, names);
        }
        // Anonymous and synthetic classes (an enum switch's map) are numbered; getDeclaredClasses does not list them.
        for (int i = 1; StackResources.class.getClassLoader().getResource(name + "$" + i + ".class") != null; i++) {
            names.add(name + "$" + i + ".class");
        }
    }

    /** The sha256 of {@code prefix} followed by each resource's name and bytes, in the set's order. */
    public static String digest(String prefix, Set<String> resources) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        for (String name : resources) {
            all.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            all.writeBytes(read(name));
        }
        return Digests.sha256(all.toByteArray());
    }

    private static byte[] read(String name) {
        try (InputStream in = StackResources.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the stack's own resource is missing from the classpath: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
