package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.stacks.jdkhttp.StackRevision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A digest of everything that decides what the quarkus stack writes: its classes and templates, and the jdk-http
 * revision, since this stack resolves specs with that stack's model and shares its metrics template. A tree another
 * revision wrote has every task run again; its migrations are kept all the same, because they are history a database
 * went through, not code.
 */
final class QuarkusRevision {

    /** Every class of the stack but this one; {@code QuarkusRevisionTest} fails when a class is missing here. */
    private static final List<Class<?>> CLASSES = List.of(Constraints.class, EntityWriter.class, FieldChanges.class,
            MigrationScript.class, Migrations.class, ProjectWriter.class, QuarkusHistory.class, QuarkusManifest.class,
            QuarkusNames.class, QuarkusProduct.class, QuarkusStack.class, QuarkusTasks.class, QuarkusTemplates.class,
            QuarkusTests.class, QuarkusVersions.class, ResourceMethods.class, ResourceWriter.class, SourceText.class,
            SqlSchema.class);
    private static final List<String> PROJECT_TEMPLATES = List.of("README.md", "application.properties", "pom.xml");
    private static final String CURRENT = compute();

    private QuarkusRevision() {
    }

    static String current() {
        return CURRENT;
    }

    /** The class files and templates the revision is computed from, as resource names. */
    static Set<String> resources() {
        Set<String> names = new TreeSet<>();
        CLASSES.forEach(type -> addClass(type, names));
        QuarkusTemplates.MAIN_TYPES.stream().filter(type -> !type.equals("Metrics"))
                .forEach(type -> names.add("dev/gigafactory/stacks/quarkus/main/" + type + ".java.tmpl"));
        PROJECT_TEMPLATES.forEach(name -> names.add("dev/gigafactory/stacks/quarkus/project/" + name + ".tmpl"));
        return names;
    }

    private static void addClass(Class<?> type, Set<String> names) {
        String name = type.getName().replace('.', '/');
        names.add(name + ".class");
        for (Class<?> nested : type.getDeclaredClasses()) {
            addClass(nested, names);
        }
        // Anonymous and synthetic classes (an enum switch's map) are numbered; getDeclaredClasses does not list them.
        for (int i = 1; QuarkusRevision.class.getClassLoader().getResource(name + "$" + i + ".class") != null; i++) {
            names.add(name + "$" + i + ".class");
        }
    }

    private static String compute() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(StackRevision.current().getBytes(StandardCharsets.UTF_8));
        for (String name : resources()) {
            all.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            all.writeBytes(read(name));
        }
        return Digests.sha256(all.toByteArray());
    }

    private static byte[] read(String name) {
        try (InputStream in = QuarkusRevision.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the stack's own resource is missing from the classpath: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
