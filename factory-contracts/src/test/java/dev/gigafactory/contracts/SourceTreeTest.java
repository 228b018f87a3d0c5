package dev.gigafactory.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.codec.Digests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTreeTest {

    @TempDir
    Path dir;

    @Test
    void theSameTreeAlwaysPacksToTheSameDigest() {
        SourceTree one = new SourceTree(Map.of("b/B.java", bytes("b"), "a/A.java", bytes("a")));
        SourceTree two = new SourceTree(Map.of("a/A.java", bytes("a"), "b/B.java", bytes("b")));

        assertThat(Digests.sha256(one.pack())).isEqualTo(Digests.sha256(two.pack()));
        assertThat(SourceTree.unpack(one.pack()).text("a/A.java")).isEqualTo("a");
    }

    @Test
    void refusesPathsThatEscapeTheTree() {
        for (String path : new String[]{"../etc/passwd", "/abs", "a/../../b", "C:\\x", "a//b", "./a"}) {
            assertThatThrownBy(() -> new SourceTree(Map.of(path, bytes("x")))).as(path)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theStoreIsContentAddressedAndIdempotent() {
        LocalArtifactStore store = new LocalArtifactStore(dir);

        String first = store.put(bytes("jar"));
        String second = store.put(bytes("jar"));

        assertThat(first).isEqualTo(second).startsWith("sha256:");
        assertThat(store.get(first)).hasValueSatisfying(content -> assertThat(content).isEqualTo(bytes("jar")));
        assertThat(store.get("sha256:" + "0".repeat(64))).isEmpty();
        assertThat(store.get("../../etc/passwd")).isEmpty();
    }

    @Test
    void aFileIsStoredAndReadAsAStreamUnderTheDigestOfItsBytes() throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(dir.resolve("store"));
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(big);
        Path file = Files.write(dir.resolve("product-runner.jar"), big);

        String digest = store.putFile(file);

        assertThat(digest).isEqualTo(Digests.sha256(big)).isEqualTo(store.put(big)).isEqualTo(store.putFile(file));
        try (var in = store.open(digest).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
        assertThat(store.open("sha256:" + "0".repeat(64))).isEmpty();
        assertThat(store.open("../../etc/passwd")).isEmpty();
        try (var files = Files.walk(dir.resolve("store"))) {
            assertThat(files.filter(Files::isRegularFile)).as("one stored file, no temporary left")
                    .containsExactly(dir.resolve("store/sha256/" + digest.substring(7, 9) + "/" + digest.substring(7)));
        }
    }

    @Test
    void writesATreeBelowItsDirectoryOnly() throws Exception {
        new SourceTree(Map.of("src/Main.java", bytes("class Main {}"))).writeTo(dir);

        assertThat(Files.readString(dir.resolve("src/Main.java"))).isEqualTo("class Main {}");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
