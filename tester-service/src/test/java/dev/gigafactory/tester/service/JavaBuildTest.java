package dev.gigafactory.tester.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.tester.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaBuildTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final JavaBuild javac = new JavaBuild();

    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void buildsTheSameJarFromTheSameSources() throws IOException {
        byte[] one = buildGood(first);
        byte[] two = buildGood(second);

        assertThat(Digests.sha256(two)).isEqualTo(Digests.sha256(one));
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(one))) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("todo.Main");
            List<String> names = new ArrayList<>();
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                names.add(entry.getName());
            }
            assertThat(names).containsExactly("banner.txt", "todo/Json.class", "todo/Main.class");
        }
    }

    @Test
    void putsTheManifestFirstSoJarReadersFindIt() throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(buildGood(first)))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("META-INF/MANIFEST.MF");
        }
    }

    @Test
    void reportsCompileErrorsWithFileAndLine() {
        Fixtures.tree("compile-error").writeTo(first);

        JavaBuild.Compilation result = javac.compile(first, first.resolve("src/main/java"), List.of(),
                first.resolve("classes"), TIMEOUT);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.summary()).isEqualTo("1 error");
        assertThat(result.diagnostics()).startsWith("src/main/java/broken/Main.java:6: error: incompatible types");
    }

    @Test
    void compilesAgainstTheJdkOnlyNotTheTestersClasspath() throws IOException {
        write(first.resolve("src/main/java/leak/Main.java"), """
                package leak;
                public class Main { com.fasterxml.jackson.databind.ObjectMapper mapper; }
                """);

        JavaBuild.Compilation result = javac.compile(first, first.resolve("src/main/java"), List.of(),
                first.resolve("classes"), TIMEOUT);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).contains("package com.fasterxml.jackson.databind does not exist");
    }

    @Test
    void writesJava17ClassesAndSeesOnlyTheJdksExportedApi() throws IOException {
        write(first.resolve("src/main/java/ok/Main.java"), """
                package ok;
                public class Main { java.net.http.HttpClient client; com.sun.net.httpserver.HttpServer server; }
                """);
        write(second.resolve("src/main/java/internal/Main.java"), """
                package internal;
                public class Main { jdk.internal.misc.Unsafe unsafe; }
                """);

        JavaBuild.Compilation ok = javac.compile(first, first.resolve("src/main/java"), List.of(),
                first.resolve("classes"), TIMEOUT);
        JavaBuild.Compilation internal = javac.compile(second, second.resolve("src/main/java"), List.of(),
                second.resolve("classes"), TIMEOUT);

        assertThat(ok.succeeded()).as(ok.diagnostics()).isTrue();
        byte[] header = Files.readAllBytes(first.resolve("classes/ok/Main.class"));
        assertThat(((header[6] & 0xff) << 8) | (header[7] & 0xff)).as("class file major version").isEqualTo(61);
        assertThat(internal.succeeded()).isFalse();
        assertThat(internal.diagnostics()).contains("package jdk.internal.misc is not visible");
    }

    @Test
    void concatenatesStringsWithoutBootstrappingMethodHandlesInTheProduct() throws IOException {
        write(first.resolve("src/main/java/ok/Greeting.java"), """
                package ok;
                public class Greeting { static String of(String name, int n) { return "hello " + name + " #" + n; } }
                """);

        JavaBuild.Compilation built = javac.compile(first, first.resolve("src/main/java"), List.of(),
                first.resolve("classes"), TIMEOUT);

        assertThat(built.succeeded()).as(built.diagnostics()).isTrue();
        String constants = new String(Files.readAllBytes(first.resolve("classes/ok/Greeting.class")),
                StandardCharsets.ISO_8859_1);
        assertThat(constants).contains("java/lang/StringBuilder").doesNotContain("makeConcatWithConstants");
    }

    @Test
    void compilesTestsAgainstTheMainClasses() {
        Fixtures.tree("good").writeTo(first);
        javac.compile(first, first.resolve("src/main/java"), List.of(), first.resolve("classes"), TIMEOUT);

        JavaBuild.Compilation tests = javac.compile(first, first.resolve("src/test/java"),
                List.of(first.resolve("classes")), first.resolve("test-classes"), TIMEOUT);

        assertThat(tests.succeeded()).as(tests.diagnostics()).isTrue();
        assertThat(first.resolve("test-classes/todo/MainTest.class")).exists();
    }

    @Test
    void saysSoWhenThereIsNothingToCompile() {
        JavaBuild.Compilation result = javac.compile(first, first.resolve("src/main/java"), List.of(),
                first.resolve("classes"), TIMEOUT);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).isEqualTo("no Java sources under src/main/java");
    }

    private byte[] buildGood(Path workspace) {
        Fixtures.tree("good").writeTo(workspace);
        JavaBuild.Compilation result = javac.compile(workspace, workspace.resolve("src/main/java"), List.of(),
                workspace.resolve("classes"), TIMEOUT);
        assertThat(result.succeeded()).as(result.diagnostics()).isTrue();
        return JarPackager.pack(workspace.resolve("classes"),
                Map.of("banner.txt", "hello".getBytes(StandardCharsets.UTF_8)), "todo.Main");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
