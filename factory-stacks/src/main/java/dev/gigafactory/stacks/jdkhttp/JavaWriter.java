package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.stacks.JavaLiterals;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes one Java source file with 4-space indentation: the package, sorted imports, then lines and blocks. Code
 * text handed to it must already be safe (names checked by {@link ProductModels}, literals from {@link JavaLiterals}).
 */
final class JavaWriter {

    private static final String INDENT = "    ";
    private static final int MAX_LINE = 120;

    private final StringBuilder out = new StringBuilder();
    private int depth;

    JavaWriter(String packageName, Collection<String> imports) {
        out.append("package ").append(packageName).append(";\n\n");
        TreeSet<String> sorted = new TreeSet<>(imports);
        for (String type : sorted) {
            if (!JavaNames.WRITER_IMPORTS.contains(type)) {
                throw new IllegalStateException("writers may not import " + type + "; add it to JavaNames");
            }
            out.append("import ").append(type).append(";\n");
        }
        if (!sorted.isEmpty()) {
            out.append('\n');
        }
    }

    JavaWriter line(String code) {
        out.append(INDENT.repeat(depth)).append(code).append('\n');
        return this;
    }

    JavaWriter blank() {
        out.append('\n');
        return this;
    }

    /** Writes {@code header {} and indents what follows. */
    JavaWriter open(String header) {
        line(header + " {");
        depth++;
        return this;
    }

    /** Indents what follows, for a block whose header was written over several lines ending in {@code {}. */
    JavaWriter enterBlock() {
        depth++;
        return this;
    }

    JavaWriter close() {
        return close("}");
    }

    /** Outdents and writes the closing text, e.g. {@code "}"} or {@code "});"}. */
    JavaWriter close(String text) {
        depth--;
        return line(text);
    }

    /** Continuation lines (arguments, chained calls) are indented twice, as the house formatter does. */
    JavaWriter continued(String code) {
        out.append(INDENT.repeat(depth + 2)).append(code).append('\n');
        return this;
    }

    /**
     * Writes {@code start}, the items separated by commas, then {@code end}: on one line when it fits, else with the
     * items on continuation lines, as many per line as fit.
     */
    JavaWriter wrapped(String start, List<String> items, String end) {
        String oneLine = start + String.join(", ", items) + end;
        if (INDENT.length() * depth + oneLine.length() <= MAX_LINE || items.isEmpty()) {
            return line(oneLine);
        }
        line(start);
        int room = MAX_LINE - INDENT.length() * (depth + 2);
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i < items.size() - 1 ? "," : end);
            if (current.length() > 0 && current.length() + 1 + item.length() > room) {
                continued(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(item);
        }
        return continued(current.toString());
    }

    @Override
    public String toString() {
        if (depth != 0) {
            throw new IllegalStateException("unbalanced blocks in generated code: depth " + depth);
        }
        return out.toString();
    }
}
