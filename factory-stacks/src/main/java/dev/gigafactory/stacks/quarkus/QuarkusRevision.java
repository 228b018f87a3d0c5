package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.stacks.spi.StackResources;
import dev.gigafactory.stacks.jdkhttp.StackRevision;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A digest of everything that decides what the quarkus stack writes: its classes and templates, and the jdk-http
 * revision, since this stack resolves specs with that stack's model and shares its metrics and hook templates. A tree another
 * revision wrote has every task run again; its migrations are kept all the same, because they are history a database
 * went through, not code.
 */
final class QuarkusRevision {

    /** Every class of the stack but this one; {@code QuarkusRevisionTest} fails when a class is missing here. */
    private static final List<Class<?>> CLASSES = List.of(Constraints.class, EntityWriter.class, FieldChanges.class,
            MigrationScript.class, Migrations.class, ProjectWriter.class, QuarkusHistory.class,
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
        CLASSES.forEach(type -> StackResources.addClass(type, names));
        // The shared templates are in the jdk-http revision, the prefix of the digest.
        QuarkusTemplates.MAIN_TYPES.stream().filter(type -> !QuarkusTemplates.SHARED_TYPES.contains(type))
                .forEach(type -> names.add(QuarkusTemplates.template(type).substring(1)));
        PROJECT_TEMPLATES.forEach(name -> names.add("dev/gigafactory/stacks/quarkus/project/" + name + ".tmpl"));
        return names;
    }

    private static String compute() {
        return StackResources.digest(StackRevision.current(), resources());
    }
}
