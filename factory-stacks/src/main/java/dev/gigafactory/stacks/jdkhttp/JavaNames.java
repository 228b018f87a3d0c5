package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.contracts.validation.Identifiers;
import java.util.Locale;
import java.util.Set;

/**
 * Which Java names the generated code may use for the spec's entities and fields. A name that would shadow or clash
 * with a type the generated code uses gets a suffix instead of failing the whole spec.
 */
final class JavaNames {

    /** Every type a writer may import; JavaWriter refuses others, so this list cannot fall out of date. */
    static final Set<String> WRITER_IMPORTS = Set.of("java.io.IOException", "java.math.BigDecimal",
            "java.math.BigInteger", "java.nio.file.Files", "java.nio.file.Path", "java.time.Instant",
            "java.time.LocalDate", "java.util.Comparator", "java.util.LinkedHashMap", "java.util.List",
            "java.util.Map", "java.util.Set", "java.util.UUID", "java.util.regex.Pattern", "java.util.stream.Stream");

    /** Types the generated code defines itself, besides the entities' records, validators and stores. */
    static final Set<String> GENERATED_TYPES = Set.of("Main", "ProductTest", RequirementsWriter.CLASS_NAME);

    // A record may not have a component of these names (JLS 8.10.1), and toJson is the generated record's method.
    private static final Set<String> RECORD_FORBIDDEN = Set.of("clone", "finalize", "getClass", "hashCode",
            "notify", "notifyAll", "toString", "wait", "toJson");

    private JavaNames() {
    }

    /** The class name for an entity: its own name, or {@code <Name>Entity} when that would clash. */
    static String typeNameFor(String entityName) {
        return isTaken(entityName) ? entityName + "Entity" : entityName;
    }

    /** Whether a type of this simple name would clash with one the generated code defines, imports or sees. */
    static boolean isTaken(String simpleName) {
        return GENERATED_TYPES.contains(simpleName) || StaticSources.TYPE_NAMES.contains(simpleName)
                || StaticSources.IMPORTED_NAMES.contains(simpleName)
                || WRITER_IMPORTS.stream().anyMatch(type -> type.endsWith("." + simpleName))
                || Identifiers.isReservedTypeName(simpleName) || isJavaLangType(simpleName);
    }

    static String componentNameFor(String fieldName) {
        return RECORD_FORBIDDEN.contains(fieldName) ? fieldName + "Value" : fieldName;
    }

    /**
     * The last package segment for a spec name: {@code my-shop} gives {@code myshop}; one starting with a digit or
     * equal to a keyword gets a {@code p} prefix.
     */
    static String packageSegment(String specName) {
        String segment = specName.replace("-", "").toLowerCase(Locale.ROOT);
        boolean needsPrefix = segment.isEmpty() || Character.isDigit(segment.charAt(0))
                || Identifiers.isJavaKeyword(segment);
        return needsPrefix ? "p" + segment : segment;
    }

    private static boolean isJavaLangType(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
