package dev.gigafactory.contracts.validation;

import java.util.Set;

/** Names that must not become identifiers in generated code. */
public final class Identifiers {

    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
            "non", "exports", "module", "open", "opens", "provides", "requires", "to", "transitive", "uses", "with",
            "when");

    // java.lang types and the generated service's own classes; an entity of that name would shadow them.
    private static final Set<String> RESERVED_TYPES = Set.of("Object", "String", "Integer", "Long", "Short", "Byte",
            "Double", "Float", "Boolean", "Character", "Number", "Math", "System", "Record", "Enum", "Class",
            "Thread", "Runtime", "Process", "Exception", "Error", "Throwable", "Void", "Iterable", "Override",
            "Deprecated", "Comparable", "Runnable", "Main", "Json", "Problem", "Router", "Metrics", "Journal",
            "Validation", "Server", "Store", "Http", "Health");

    private Identifiers() {
    }

    public static boolean isJavaKeyword(String name) {
        return JAVA_KEYWORDS.contains(name);
    }

    public static boolean isReservedTypeName(String name) {
        return RESERVED_TYPES.contains(name);
    }

    /** A safe Java identifier: letters and digits only, not starting with a digit, not a keyword. */
    public static boolean isSafeIdentifier(String name) {
        return name != null && name.matches("[A-Za-z][A-Za-z0-9]*") && !isJavaKeyword(name);
    }
}
