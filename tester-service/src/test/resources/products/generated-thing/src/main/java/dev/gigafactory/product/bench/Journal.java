package dev.gigafactory.product.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's durable memory: an append-only file of changes, one JSON object per line, forced to disk before the
 * request that made the change is answered, and replayed at start.
 *
 * <p>
 * A line is {@code {"op":"put","entity":"Todo","id":"...","object":{...}}} or
 * {@code {"op":"delete","entity":"Todo","id":"..."}}. Records of an entity the current version no longer has are
 * skipped, so a newer version can start on an older version's data.
 */
final class Journal implements AutoCloseable {

    static final String FILE_NAME = "journal.jsonl";

    private final Path file;
    private final FileChannel channel;

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static Journal open(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        cutTornTail(channel);
        channel.position(channel.size());
        return new Journal(file, channel);
    }

    // A process killed mid-write leaves a last line without its newline; it was never acknowledged, so drop it.
    private static void cutTornTail(FileChannel channel) throws IOException {
        long end = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        long keep = end;
        while (keep > 0) {
            one.clear();
            channel.read(one, keep - 1);
            if (one.get(0) == '\n') {
                break;
            }
            keep--;
        }
        if (keep < end) {
            channel.truncate(keep);
            System.err.println("journal: dropped an incomplete last line of " + (end - keep) + " bytes");
        }
    }

    /** Applies every recorded change to the stores, in order. Call once, before serving. */
    void replay(List<Store<?>> stores) throws IOException {
        Map<String, Store<?>> byEntity = new HashMap<>();
        stores.forEach(store -> byEntity.put(store.entity(), store));
        int applied = 0;
        int skipped = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (apply(line, byEntity)) {
                    applied++;
                } else if (!line.isBlank()) {
                    skipped++;
                }
            }
        }
        System.out.println("journal: replayed " + applied + " change(s), skipped " + skipped);
    }

    @SuppressWarnings("unchecked")
    private static boolean apply(String line, Map<String, Store<?>> stores) {
        Object parsed;
        try {
            parsed = Json.parse(line);
        } catch (Json.SyntaxError e) {
            return false;
        }
        if (!(parsed instanceof Map<?, ?> change) || !(change.get("id") instanceof String id)) {
            return false;
        }
        Store<?> store = stores.get(change.get("entity"));
        if (store == null) {
            return false;
        }
        if ("put".equals(change.get("op")) && change.get("object") instanceof Map<?, ?> object) {
            store.replayPut(id, (Map<String, Object>) object);
            return true;
        }
        if ("delete".equals(change.get("op"))) {
            store.replayDelete(id);
            return true;
        }
        return false;
    }

    void put(String entity, String id, Map<String, Object> object) {
        Map<String, Object> change = change("put", entity, id);
        change.put("object", object);
        append(change);
    }

    void delete(String entity, String id) {
        append(change("delete", entity, id));
    }

    private static Map<String, Object> change(String op, String entity, String id) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("op", op);
        change.put("entity", entity);
        change.put("id", id);
        return change;
    }

    private synchronized void append(Map<String, Object> change) {
        ByteBuffer line = ByteBuffer.wrap((Json.write(change) + "\n").getBytes(StandardCharsets.UTF_8));
        long start = -1;
        try {
            start = channel.position();
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
        } catch (IOException e) {
            undo(start);
            throw new UncheckedIOException("cannot write the journal " + file, e);
        }
    }

    // A half-written line would glue itself to the next one; cut it off so later changes stay readable.
    private void undo(long start) {
        try {
            if (start >= 0) {
                channel.truncate(start);
                channel.position(start);
            }
        } catch (IOException e) {
            System.err.println("journal: cannot undo a failed write: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (channel.isOpen()) {
                channel.force(true);
                channel.close();
            }
        } catch (IOException e) {
            System.err.println("journal: cannot close " + file + ": " + e.getMessage());
        }
    }
}
