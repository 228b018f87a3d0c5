package dev.gigafactory.contracts.artifacts;

import dev.gigafactory.contracts.codec.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Optional;

/** An artifact store in a local directory: {@code <root>/sha256/<first two hex>/<hex>}, written atomically. */
public final class LocalArtifactStore implements ArtifactStore {

    private final Path root;

    public LocalArtifactStore(Path root) {
        this.root = root;
    }

    @Override
    public String put(byte[] content) {
        String digest = Digests.sha256(content);
        Path target = pathOf(digest);
        if (Files.exists(target)) {
            return digest;
        }
        try {
            Path temporary = incoming();
            Files.write(temporary, content);
            moveIn(temporary, target);
            return digest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store artifact " + digest + " under " + root, e);
        }
    }

    // The digest is known only once the bytes are read: copied to a temporary name while hashed, then moved in.
    @Override
    public String putFile(Path file) {
        try {
            Path temporary = incoming();
            MessageDigest sha256 = Digests.newSha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            String digest = Digests.of(sha256.digest());
            Path target = pathOf(digest);
            if (Files.exists(target)) {
                Files.delete(temporary);
            } else {
                Files.createDirectories(target.getParent());
                moveIn(temporary, target);
            }
            return digest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + file + " under " + root, e);
        }
    }

    @Override
    public Optional<InputStream> open(String digest) {
        if (!Digests.isValid(digest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(pathOf(digest)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + digest, e);
        }
    }

    private Path incoming() throws IOException {
        Path dir = Files.createDirectories(root.resolve("sha256"));
        return Files.createTempFile(dir, ".incoming-", ".tmp");
    }

    private static void moveIn(Path temporary, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Optional<byte[]> get(String digest) {
        if (!Digests.isValid(digest)) {
            return Optional.empty();
        }
        Path path = pathOf(digest);
        try {
            return Files.exists(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + digest, e);
        }
    }

    @Override
    public boolean contains(String digest) {
        return Digests.isValid(digest) && Files.exists(pathOf(digest));
    }

    public Path root() {
        return root;
    }

    private Path pathOf(String digest) {
        if (!Digests.isValid(digest)) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
        String hex = digest.substring(Digests.PREFIX.length());
        return root.resolve("sha256").resolve(hex.substring(0, 2)).resolve(hex);
    }
}
