package dev.gigafactory.contracts.artifacts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A tree of files by relative path, packed as a deterministic zip (sorted entries, fixed timestamps) so the same
 * tree always has the same digest. Paths are checked on the way in and out: nothing escapes the tree's root.
 */
public final class SourceTree {

    private static final FileTime EPOCH = FileTime.fromMillis(315532800000L);
    private static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;

    private final SortedMap<String, byte[]> files;

    public SourceTree(Map<String, byte[]> files) {
        TreeMap<String, byte[]> checked = new TreeMap<>();
        files.forEach((path, content) -> checked.put(checkPath(path), content));
        this.files = Collections.unmodifiableSortedMap(checked);
    }

    public SortedMap<String, byte[]> files() {
        return files;
    }

    public String text(String path) {
        byte[] content = files.get(path);
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }

    public byte[] pack() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setCreationTime(EPOCH);
                entry.setLastModifiedTime(EPOCH);
                entry.setLastAccessTime(EPOCH);
                entry.setTime(EPOCH.toMillis());
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static SourceTree unpack(byte[] packed) {
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(packed))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = zip.readAllBytes();
                total += content.length;
                if (total > MAX_UNPACKED_BYTES) {
                    throw new IllegalArgumentException("source tree unpacks to more than " + MAX_UNPACKED_BYTES);
                }
                files.put(checkPath(entry.getName()), content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SourceTree(files);
    }

    public void writeTo(Path directory) {
        try {
            Path root = directory.toAbsolutePath().normalize();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = root.resolve(file.getKey()).normalize();
                if (!target.startsWith(root)) {
                    throw new IllegalArgumentException("path escapes the tree: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String checkPath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")
                || path.contains(":")) {
            throw new IllegalArgumentException("not a safe relative path: " + path);
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a safe relative path: " + path);
            }
        }
        return path;
    }
}
