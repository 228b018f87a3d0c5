package dev.gigafactory.operator.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A {@code docker save} tarball as Jib writes it (manifest.json, the config, one file per layer, gzipped or not),
 * read without a daemon: what a cluster would run, from the image's own config, and which files its layers hold.
 * Plain tar only (ustar, names up to 100 characters plus a prefix; pax records are skipped), which is what Jib and
 * build-base-image.sh write.
 */
final class ImageTarball {

    private final Path file;
    private final JsonNode manifest;
    private final JsonNode config;

    ImageTarball(Path file) throws IOException {
        this.file = file;
        Map<String, byte[]> small = new HashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            entries(in, (name, size, data) -> {
                if (name.endsWith(".json") && size < 1_000_000) {
                    small.put(name, data.readNBytes((int) size));
                }
            });
        }
        this.manifest = Json.mapper().readTree(small.get("manifest.json")).get(0);
        this.config = Json.mapper().readTree(small.get(manifest.get("Config").asText())).get("config");
    }

    /** The runtime config: Entrypoint, User, ExposedPorts, Env, WorkingDir, Labels. */
    JsonNode config() {
        return config;
    }

    int layers() {
        return manifest.get("Layers").size();
    }

    /** Every path in any layer, without a leading "./" or "/". */
    List<String> files() throws IOException {
        List<String> layerNames = new ArrayList<>();
        manifest.get("Layers").forEach(layer -> layerNames.add(layer.asText()));
        List<String> paths = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            entries(in, (name, size, data) -> {
                if (layerNames.contains(name)) {
                    // streamed: a layer is up to a few hundred MB
                    entries(name.endsWith(".gz") ? new GZIPInputStream(data, 1 << 16) : data,
                            (path, pathSize, pathData) -> paths.add(path));
                }
            });
        }
        return paths;
    }

    private interface Entry {
        void read(String name, long size, InputStream data) throws IOException;
    }

    /** Calls {@code entry} per file; whatever it leaves unread is skipped. */
    private static void entries(InputStream in, Entry entry) throws IOException {
        byte[] header = new byte[512];
        while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            String path = (prefix.isEmpty() ? name : prefix + "/" + name).replaceFirst("^\\.?/", "");
            String octal = field(header, 124, 12).trim();
            long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
            char type = (char) header[156];
            long padded = (size + 511) / 512 * 512;
            Bounded data = new Bounded(in, size);
            if (type != 'x' && type != 'g') {
                entry.read(path, size, data);
            }
            in.skipNBytes(padded - data.consumed);
        }
    }

    private static String field(byte[] header, int offset, int length) {
        String value = new String(header, offset, length, StandardCharsets.US_ASCII);
        int end = value.indexOf('\0');
        return end < 0 ? value : value.substring(0, end);
    }

    /** One entry's bytes out of the archive, counting what was read so the rest can be skipped. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private final long size;
        private long consumed;

        Bounded(InputStream in, long size) {
            this.in = in;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            if (consumed >= size) {
                return -1;
            }
            int b = in.read();
            consumed += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (consumed >= size) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, size - consumed));
            consumed += Math.max(n, 0);
            return n;
        }
    }
}
