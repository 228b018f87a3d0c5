package dev.gigafactory.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The JDK classes a product loads, archived once for this JDK (class-data sharing), so that every product JVM maps
 * them ready-made instead of reading, parsing and verifying them at each start: about 40 ms less CPU per product JVM
 * and 3-4 MB less memory per running product (docs/benchmarks.md). The class list is what a {@code jdk-http} product
 * and the relay load while serving; a class not in it is loaded as usual, so a stale list costs speed, never
 * correctness, and so does an archive this JVM cannot map (it then runs without one).
 *
 * <p>A cache of the user's, like Maven's repository: {@code ~/.cache/gigafactory/product-classes} (the state dir when
 * that cannot be made), so it is dumped once per machine and JDK, not once per service or per start, and no service's
 * work dir is written by a dump that outlives it. Dumped in the background, into a directory that is there from the
 * start, so a product started before the archive exists simply runs without it. The file name carries the JVM's
 * version and the list's digest: a JDK upgrade or a new list makes a new archive, never a mismatched one.
 */
final class ProductClassArchive {

    /** Where the archive's directory is mounted inside the sandbox (read-only). */
    static final String MOUNTED_DIR = "/opt/gigafactory-classes";

    private static final System.Logger LOG = System.getLogger(ProductClassArchive.class.getName());
    private static final String CLASS_LIST = "product-classes.classlist";
    private static final long DUMP_TIMEOUT_SECONDS = 120;

    private final Path dir;
    private final String fileName;

    private ProductClassArchive(Path dir, String fileName) {
        this.dir = dir;
        this.fileName = fileName;
    }

    /** The archive's directory, created now; the archive itself follows in the background unless it is there. */
    static ProductClassArchive dumpInBackground(Path stateDir, String java) {
        byte[] classList = classList();
        Path dir = directory(Path.of(System.getProperty("user.home"), ".cache", "gigafactory", "product-classes"))
                .orElseGet(() -> directory(stateDir.toAbsolutePath().normalize().resolve("classes"))
                        .orElseThrow(() -> new UncheckedIOException(new IOException("cannot create a directory for "
                                + "the products' class archive under " + stateDir))));
        ProductClassArchive archive = new ProductClassArchive(dir, "products-"
                + System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9.-]", "_") + "-"
                + HexFormat.of().formatHex(sha256(classList), 0, 6) + ".jsa");
        if (!Files.exists(archive.file())) {
            Thread dumper = new Thread(() -> archive.dump(java, classList), "product-class-archive");
            dumper.setDaemon(true);
            dumper.start();
        }
        return archive;
    }

    // Only ours: products map what is in it, so nobody else may write there.
    private static Optional<Path> directory(Path dir) {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
            boolean ours = Files.getOwner(dir).getName().equals(System.getProperty("user.name"))
                    && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
            return ours && Files.isWritable(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The directory to mount at {@link #MOUNTED_DIR}. */
    Path dir() {
        return dir;
    }

    /** The JVM option that maps the archive, as seen from {@code seenAt}; empty while there is no archive yet. */
    List<String> jvmOptions(Path seenAt) {
        return Files.exists(file())
                ? List.of("-XX:SharedArchiveFile=" + seenAt.resolve(fileName))
                : List.of();
    }

    private Path file() {
        return dir.resolve(fileName);
    }

    // The dump is written beside the archive and renamed, so no product ever maps half an archive. Its command line
    // names files relative to the archive's directory: no sweep for processes of a work dir mistakes it for a product.
    private void dump(String java, byte[] classList) {
        Path log = dir.resolve("dump.log");
        try {
            // two sandboxes on one state dir may dump at once: each writes its own file, and either rename wins
            String partial = Files.createTempFile(dir, fileName, ".partial").getFileName().toString();
            Path list = Files.createTempFile(dir, "classes", ".classlist");
            Files.write(list, classList);
            Process process = new ProcessBuilder(java, "-Xshare:dump", "-XX:SharedClassListFile=" + list.getFileName(),
                    "-XX:SharedArchiveFile=" + partial, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx64m")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = process.waitFor(DUMP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Files.deleteIfExists(list);
            if (done && process.exitValue() == 0 && Files.exists(dir.resolve(partial))) {
                Files.move(dir.resolve(partial), file(), StandardCopyOption.ATOMIC_MOVE);
                Files.deleteIfExists(log);
                forgetOtherArchives();
            } else {
                process.destroyForcibly();
                Files.deleteIfExists(dir.resolve(partial));
                LOG.log(System.Logger.Level.WARNING, "could not archive the products' classes ("
                        + (done ? "exit code " + process.exitValue() : "timed out") + ", see " + log
                        + "); products start without the archive");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not archive the products' classes; products start without "
                    + "the archive", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Archives of an earlier JDK or list are never mapped again (a product already running keeps its mapping).
    private void forgetOtherArchives() throws IOException {
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(dir, "products-*.jsa")) {
            for (Path archive : archives) {
                if (!archive.getFileName().toString().equals(fileName)) {
                    Files.deleteIfExists(archive);
                }
            }
        }
    }

    private static byte[] classList() {
        try (InputStream in = ProductClassArchive.class.getResourceAsStream(CLASS_LIST)) {
            if (in == null) {
                throw new IllegalStateException("the class list " + CLASS_LIST + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
