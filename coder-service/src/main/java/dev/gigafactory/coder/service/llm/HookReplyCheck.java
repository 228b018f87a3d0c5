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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Decides whether a model's reply may become the product's {@code Requirements} class: one Java compilation unit in
 * the product's package declaring exactly that one class, importing only plain library packages and using none of the
 * APIs that reach outside the request (processes, reflection, files, network, threads, the JVM itself).
 */
public final class HookReplyCheck {

    /** The code, ready to be the hook's file, or every reason it may not be. */
    public record Result(String source, List<String> problems) {

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
            Map.entry("\\bJournal\\b|\\bServer\\b|\\bRouter\\b|\\bMetrics\\b", "the product's own machinery"),
            Map.entry("\\bnative\\b", "native methods"),
            Map.entry("\\\\u", "unicode escapes (they could hide any of the above)"));

    private HookReplyCheck() {
    }

    public static Result check(String reply, String packageName) {
        String code = extractCode(reply);
        if (code == null) {
            return new Result(null, List.of("the reply contains no Java code: answer with one ```java block"));
        }
        List<String> problems = new ArrayList<>();
        DENIED.forEach((regex, what) -> {
            Matcher matcher = Pattern.compile(regex).matcher(code);
            if (matcher.find()) {
                problems.add("forbidden: " + what + " ('" + matcher.group() + "')");
            }
        });
        CompilationUnitTree unit = parse(code);
        checkStructure(unit, packageName, problems);
        return new Result(problems.isEmpty() ? withPackage(code, unit, packageName) : null, List.copyOf(problems));
    }

    /** The first fenced block, or the whole reply when it already looks like a Java class. */
    static String extractCode(String reply) {
        if (reply == null || reply.isBlank()) {
            return null;
        }
        Matcher fenced = FENCE.matcher(reply);
        if (fenced.find()) {
            return fenced.group(1).strip() + "\n";
        }
        return reply.contains("class ") && reply.contains("{") ? reply.strip() + "\n" : null;
    }

    private static void checkStructure(CompilationUnitTree unit, String packageName, List<String> problems) {
        if (unit.getPackageName() != null && !unit.getPackageName().toString().equals(packageName)) {
            problems.add("the package must be " + packageName + ", not " + unit.getPackageName());
        }
        for (ImportTree imported : unit.getImports()) {
            String name = imported.getQualifiedIdentifier().toString();
            if (!ALLOWED_IMPORT.matcher(name).matches()) {
                problems.add("import " + name + " is not allowed: only java.util, java.time, java.math, java.text");
            }
        }
        List<? extends Tree> types = unit.getTypeDecls().stream().filter(ClassTree.class::isInstance).toList();
        boolean one = types.size() == 1 && ((ClassTree) types.get(0)).getSimpleName().contentEquals(
                RequirementsWriter.CLASS_NAME) && types.get(0).getKind() == Tree.Kind.CLASS;
        if (!one) {
            problems.add("the file must declare exactly one top-level class, named " + RequirementsWriter.CLASS_NAME
                    + ", and nothing else");
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
