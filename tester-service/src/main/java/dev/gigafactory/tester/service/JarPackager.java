package dev.gigafactory.tester.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Packs compiled classes and resources into a runnable jar that is reproducible: manifest first, then entries in
 * name order, every timestamp fixed (as local DOS time, so the time zone does not leak in). The same sources give
 * the same bytes, hence the same artifact digest.
 */
public final class JarPackager {

    // 1980-02-01, as reproducible builds do: clear of the DOS epoch whatever the zone.
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private JarPackager() {
    }

    /** {@code resources} maps jar entry names to content; classes come from the {@code classes} directory. */
    public static byte[] pack(Path classes, Map<String, byte[]> resources, String mainClass) {
        SortedMap<String, byte[]> entries = new TreeMap<>(resources);
        entries.putAll(classFiles(classes));
        entries.remove(JarFile.MANIFEST_NAME);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            write(jar, JarFile.MANIFEST_NAME, manifest(mainClass));
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                write(jar, entry.getKey(), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(JarOutputStream jar, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
    }

    private static byte[] manifest(String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, mainClass);
        main.put(new Attributes.Name("Created-By"), "gigafactory tester-service");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        manifest.write(bytes);
        return bytes.toByteArray();
    }

    private static SortedMap<String, byte[]> classFiles(Path classes) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
