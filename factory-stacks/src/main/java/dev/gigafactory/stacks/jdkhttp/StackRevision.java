package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.stacks.spi.StackResources;
import dev.gigafactory.stacks.JavaLiterals;
import dev.gigafactory.stacks.SampleValues;
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
        CLASSES.forEach(type -> StackResources.addClass(type, names));
        StaticSources.templateResources().forEach(names::add);
        return names;
    }

    private static String compute() {
        return StackResources.digest("", resources());
    }
}
