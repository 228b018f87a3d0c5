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
    void writesATreeBelowItsDirectoryOnly() throws Exception {
        new SourceTree(Map.of("src/Main.java", bytes("class Main {}"))).writeTo(dir);

        assertThat(Files.readString(dir.resolve("src/Main.java"))).isEqualTo("class Main {}");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
