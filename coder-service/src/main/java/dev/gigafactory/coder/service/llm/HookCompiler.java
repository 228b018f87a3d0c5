package dev.gigafactory.coder.service.llm;

import dev.gigafactory.contracts.product.ProductContract;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles the model's files with the product's files they are written against ({@code RequirementsHooks}), in
 * memory with the JDK's compiler and nothing on the class path, and keeps nothing but the diagnostics: the class files
 * are thrown away. A stack's hook contract is plain Java, so no library of the product's is needed here.
 */
public final class HookCompiler {

    private static final int MAX_DIAGNOSTICS = 10;

    private HookCompiler() {
    }

    /** The compile errors of the files' main sources, formatted for a person (or a model) to read; empty if none. */
    public static List<String> errors(Map<String, byte[]> tree) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> sources = new ArrayList<>();
        tree.forEach((path, bytes) -> {
            if (path.startsWith(ProductContract.MAIN_SOURCES) && path.endsWith(".java")) {
                sources.add(source(path, new String(bytes, StandardCharsets.UTF_8)));
            }
        });
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, null);
        try (JavaFileManager files = new Discarding(standard)) {
            // Not the coder's own class path: what compiles here must compile in the product with the JDK alone.
            standard.setLocation(StandardLocation.CLASS_PATH, List.of());
            compiler.getTask(null, files, diagnostics, List.of("--release", "17", "-proc:none"), null, sources)
                    .call();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .limit(MAX_DIAGNOSTICS).map(HookCompiler::describe).toList();
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        String file = Optional.ofNullable(diagnostic.getSource()).map(JavaFileObject::getName)
                .map(name -> name.substring(name.lastIndexOf('/') + 1)).orElse("?");
        return file + ":" + diagnostic.getLineNumber() + ": error: " + diagnostic.getMessage(null);
    }

    private static JavaFileObject source(String path, String text) {
        return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    /** Class output goes nowhere: only whether the sources compile matters here. */
    private static final class Discarding extends ForwardingJavaFileManager<JavaFileManager> {

        Discarding(JavaFileManager delegate) {
            super(delegate);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("discard:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public OutputStream openOutputStream() {
                    return OutputStream.nullOutputStream();
                }
            };
        }
    }
}
