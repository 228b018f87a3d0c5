package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.stacks.JavaLiterals;
import dev.gigafactory.stacks.SampleValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A digest of everything that decides what this stack writes: its templates and the bytes of its classes. The
 * manifest of every product carries it; a tree written by another revision may differ in any file, so the coder
 * keeps nothing from it and runs every task.
 */
public final class StackRevision {

    public static final String STACK = "jdk-http";

    /** Every class of the stack but this one; {@code StackRevisionTest} fails when a class is missing here. */
    private static final List<Class<?>> CLASSES = List.of(EntityChecksWriter.class, EntityModel.class,
            EntityRecordWriter.class, FieldModel.class, FieldRules.class, JavaLiterals.class, JavaNames.class,
            JavaWriter.class, JdkHttpStack.class, MainWriter.class, ProductModel.class, ProductModels.class,
            ProductSources.class,
            PlannedTree.class, ProductTasks.class, ProductTestWriter.class, ProjectFilesWriter.class,
            ReadmeWriter.class,
            RequirementsWriter.class, SampleValues.class, StaticSources.class, StoreWriter.class,
            UnsafeSpecException.class, ValidatorWriter.class);
    private static final String CURRENT = compute();

    private StackRevision() {
    }

    public static String current() {
        return CURRENT;
    }

    /** The class files and templates the revision is computed from, as resource names. */
    static Set<String> resources() {
        Set<String> names = new TreeSet<>();
        CLASSES.forEach(type -> addClass(type, names));
        StaticSources.templateResources().forEach(names::add);
        return names;
    }

    private static void addClass(Class<?> type, Set<String> names) {
        String name = type.getName().replace('.', '/');
        names.add(name + ".class");
        for (Class<?> nested : type.getDeclaredClasses()) {
            addClass(nested, names);
        }
        // Anonymous and synthetic classes (an enum switch's map) are numbered; getDeclaredClasses does not list them.
        for (int i = 1; StackRevision.class.getClassLoader().getResource(name + "$" + i + ".class") != null; i++) {
            names.add(name + "$" + i + ".class");
        }
    }

    private static String compute() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String name : resources()) {
            all.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            all.writeBytes(read(name));
        }
        return Digests.sha256(all.toByteArray());
    }

    private static byte[] read(String name) {
        try (InputStream in = StackRevision.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the stack's own resource is missing from the classpath: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
