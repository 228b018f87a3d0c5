package dev.gigafactory.stacks.quarkus;

import java.util.Collection;
import java.util.TreeSet;

/**
 * A Java source file being written: package, sorted imports, then lines at 4-space indentation. Code handed to it is
 * already safe: names checked by the product model, literals from {@code JavaLiterals}.
 */
final class SourceText {

    private final StringBuilder body = new StringBuilder();
    private final TreeSet<String> imports = new TreeSet<>();
    private final String packageName;

    SourceText(String packageName, Collection<String> imports) {
        this.packageName = packageName;
        this.imports.addAll(imports);
    }

    SourceText importing(String type) {
        imports.add(type);
        return this;
    }

    /** A line at the given depth (0 = top level); an empty string gives a blank line. */
    SourceText line(int depth, String code) {
        body.append(code.isEmpty() ? "" : "    ".repeat(depth) + code).append('\n');
        return this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("package ").append(packageName).append(";\n\n");
        imports.forEach(type -> out.append("import ").append(type).append(";\n"));
        return out.append(imports.isEmpty() ? "" : "\n").append(body).toString();
    }
}
