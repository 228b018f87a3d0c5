package dev.gigafactory.coder.service.llm;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import dev.gigafactory.stacks.jdkhttp.RequirementsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Decides whether a model's reply may become the product's {@code Requirements} class and its domain classes: one
 * Java compilation unit in the product's package declaring exactly that one class, and at most
 * {@link #MAX_DOMAIN_FILES} more, each one type in the domain package; all importing only plain library packages (and
 * the domain package) and using none of the APIs that reach outside the request (processes, reflection, files,
 * network, threads, the JVM itself) or into the product's machinery (its stores, journal, server).
 */
public final class HookReplyCheck {

    static final int MAX_DOMAIN_FILES = 8;

    /**
     * The code, ready to be the hook's file, and the domain classes by simple name; or every reason it may not be.
     */
    public record Result(String source, Map<String, String> domain, List<String> problems) {

        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    private static final Pattern FENCE = Pattern.compile("```(?:java)?[ \\t]*\\r?\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ALLOWED_IMPORT = Pattern.compile(
            "java\\.(util|time|math|text)(\\.(regex|function|stream|format))?\\.([A-Z]\\w*(\\.(\\w+|\\*))?|\\*)");
    // Deliberately coarse: a false alarm costs one retry, a miss could run anything in the product's JVM.
    private static final Map<String, String> DENIED = Map.ofEntries(
            Map.entry("\\bSystem\\s*\\.\\s*(exit|getenv|getProperty|setProperty|load|loadLibrary|console|in"
                    + "|setIn|setOut|setErr|setSecurityManager|Logger)\\b", "System calls other than out/err"),
            Map.entry("\\bRuntime\\b", "java.lang.Runtime"),
            Map.entry("\\bProcess(Builder|Handle)?\\b", "processes"),
            Map.entry("\\bThread(Group|Local)?\\b|\\bExecutors?\\b", "threads"),
            Map.entry("\\bClass\\s*\\.\\s*forName\\b|\\bgetClass\\b|\\.class\\b|\\bClassLoader\\b",
                    "classes and class loaders"),
            Map.entry("\\bjava\\s*\\.\\s*lang\\s*\\.\\s*(reflect|invoke)\\b|\\bMethodHandles?\\b|\\bgetDeclared\\w*"
                    + "|\\bsetAccessible\\b|\\bUnsafe\\b", "reflection"),
            Map.entry("\\bjava\\s*\\.\\s*(io|nio|net)\\b|\\bFiles\\b|\\bPaths?\\b|\\bFile\\w*\\b"
                    + "|\\bRandomAccessFile\\b|\\bSocket\\w*\\b|\\bURL\\w*\\b|\\bHttpClient\\b",
                    "files and the network"),
            Map.entry(
                    "\\bJournal\\b|\\bServer\\b|\\bRouter\\b|\\bMetrics\\b|\\bHooks\\s*\\.|\\b[A-Z]?\\w*Store\\s*[<.(]"
                            + "|\\bnew\\s+[A-Z]?\\w*Store\\b",
                    "the product's own machinery (read records through the Records given)"),
            Map.entry("\\bnative\\b", "native methods"),
            Map.entry("\\\\u", "unicode escapes (they could hide any of the above)"));

    private HookReplyCheck() {
    }

    public static Result check(String reply, String packageName) {
        List<String> blocks = extractCode(reply);
        if (blocks.isEmpty()) {
            return new Result(null, Map.of(), List.of("the reply contains no Java code: answer with ```java blocks"));
        }
        String domainPackage = packageName + "." + RequirementsWriter.DOMAIN_PACKAGE;
        List<String> problems = new ArrayList<>();
        String requirements = null;
        Map<String, String> domain = new TreeMap<>();
        for (String code : blocks) {
            denied(code, problems);
            CompilationUnitTree unit = parse(code);
            List<ClassTree> types = unit.getTypeDecls().stream().filter(ClassTree.class::isInstance)
                    .map(ClassTree.class::cast).toList();
            String name = types.size() == 1 ? types.get(0).getSimpleName().toString() : null;
            if (RequirementsWriter.CLASS_NAME.equals(name) && requirements == null) {
                checkRequirements(unit, types.get(0), packageName, domainPackage, problems);
                requirements = withPackage(code, unit, packageName);
            } else if (name == null || name.equals(RequirementsWriter.CLASS_NAME) || domain.containsKey(name)) {
                checkPackageAndImports(unit, unit.getPackageName() == null
                        ? packageName
                        : unit.getPackageName().toString(), domainPackage, problems);
                problems.add("each block must declare exactly one top-level type, each named once: "
                        + RequirementsWriter.CLASS_NAME + " in " + packageName + ", any others in " + domainPackage);
            } else {
                checkDomain(unit, name, domainPackage, problems);
                domain.put(name, withPackage(code, unit, domainPackage));
            }
        }
        if (requirements == null) {
            problems.add("no block declares the class " + RequirementsWriter.CLASS_NAME);
        }
        if (domain.size() > MAX_DOMAIN_FILES) {
            problems.add("at most " + MAX_DOMAIN_FILES + " domain classes, not " + domain.size());
        }
        return problems.isEmpty()
                ? new Result(requirements, Map.copyOf(domain), List.of())
                : new Result(null, Map.of(), List.copyOf(problems));
    }

    /** Every fenced block, or the whole reply when it already looks like a Java class. */
    static List<String> extractCode(String reply) {
        if (reply == null || reply.isBlank()) {
            return List.of();
        }
        List<String> blocks = new ArrayList<>();
        Matcher fenced = FENCE.matcher(reply);
        while (fenced.find()) {
            blocks.add(fenced.group(1).strip() + "\n");
        }
        if (blocks.isEmpty() && reply.contains("class ") && reply.contains("{")) {
            blocks.add(reply.strip() + "\n");
        }
        return blocks;
    }

    private static void denied(String code, List<String> problems) {
        DENIED.forEach((regex, what) -> {
            Matcher matcher = Pattern.compile(regex).matcher(code);
            if (matcher.find()) {
                problems.add("forbidden: " + what + " ('" + matcher.group() + "')");
            }
        });
    }

    private static void checkRequirements(CompilationUnitTree unit, ClassTree type, String packageName,
            String domainPackage, List<String> problems) {
        checkPackageAndImports(unit, packageName, domainPackage, problems);
        if (type.getKind() != Tree.Kind.CLASS) {
            problems.add(RequirementsWriter.CLASS_NAME + " must be a class");
        }
    }

    private static void checkDomain(CompilationUnitTree unit, String name, String domainPackage,
            List<String> problems) {
        checkPackageAndImports(unit, domainPackage, domainPackage, problems);
        if (!name.matches("[A-Z]\\w{0,63}")) {
            problems.add("the domain class " + name + " needs a name starting with a capital letter");
        }
    }

    private static void checkPackageAndImports(CompilationUnitTree unit, String packageName, String domainPackage,
            List<String> problems) {
        if (unit.getPackageName() != null && !unit.getPackageName().toString().equals(packageName)) {
            problems.add("the package must be " + packageName + ", not " + unit.getPackageName());
        }
        for (ImportTree imported : unit.getImports()) {
            String name = imported.getQualifiedIdentifier().toString();
            boolean domainImport = name.startsWith(domainPackage + ".")
                    && name.substring(domainPackage.length() + 1).matches("[A-Z]\\w*|\\*");
            if (!ALLOWED_IMPORT.matcher(name).matches() && !domainImport) {
                problems.add("import " + name + " is not allowed: only java.util, java.time, java.math, java.text"
                        + " and " + domainPackage);
            }
        }
    }

    private static String withPackage(String code, CompilationUnitTree unit, String packageName) {
        return unit.getPackageName() == null ? "package " + packageName + ";\n\n" + code : code;
    }

    // Syntax errors are left to the compile step, whose diagnostics go back to the model; this only reads structure.
    private static CompilationUnitTree parse(String code) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Requirements.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
        JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostic -> {
        }, List.of("-proc:none"), null, List.of(file));
        try {
            return task.parse().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
