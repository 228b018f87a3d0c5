package dev.gigafactory.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The bubblewrap arguments for a jail: namespaces, and the very few things mounted. Computed once per JDK: which of
 * {@code /bin}, {@code /lib}... are symlinks into {@code /usr}, and which files the JDK links to outside itself
 * (Debian's JDK keeps its config under {@code /etc/java-N-openjdk}; each such file is mounted alone, never a directory
 * such as {@code /etc/ssl} that may hold keys, unless everything in the directory is such a file: then the directory
 * is one mount, as Debian's {@code /etc/java-N-openjdk} is, where ~30 mounts cost each sandbox ~4 ms of its start).
 */
final class SandboxMounts {

    private static final List<String> TOP_LEVEL = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64");
    private static final List<String> HARMLESS_ETC = List.of("/etc/localtime", "/etc/hosts", "/etc/nsswitch.conf");

    private final List<String> fixed;

    private SandboxMounts(List<String> fixed) {
        this.fixed = List.copyOf(fixed);
    }

    static SandboxMounts forThisJdk(String bwrap) {
        // The jail's shell is the namespace's first process, with no reaper of bubblewrap's in front: bubblewrap's
        // own exits without waiting for it, so a sandboxed JVM's CPU time was counted nowhere, not in its caller's
        // children nor in init's. The shell waits for what it runs, so its time reaches the caller's.
        List<String> args = new ArrayList<>(List.of(bwrap, "--unshare-all", "--as-pid-1", "--new-session",
                "--cap-drop", "ALL", "--uid", "65534", "--gid", "65534", "--hostname", "sandbox",
                "--ro-bind", "/usr", "/usr"));
        for (String dir : TOP_LEVEL) {
            Path path = Path.of(dir);
            if (Files.isSymbolicLink(path)) {
                args.addAll(List.of("--symlink", readLink(path), dir));
            } else if (Files.isDirectory(path)) {
                args.addAll(List.of("--ro-bind", dir, dir));
            }
        }
        Path home = javaHome();
        if (!home.startsWith("/usr/")) {
            args.addAll(List.of("--ro-bind", home.toString(), home.toString()));
        }
        SortedMap<String, String> linked = linkedFromJdk(home);
        for (Path whole : wholeDirectories(linked)) {
            args.addAll(List.of("--ro-bind-try", whole.toString(), whole.toString()));
            linked.keySet().removeIf(literal -> Path.of(literal).startsWith(whole));
        }
        linked.forEach((literal, real) -> args.addAll(List.of("--ro-bind-try", real, literal)));
        for (String file : HARMLESS_ETC) {
            args.addAll(List.of("--ro-bind-try", file, file));
        }
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        return new SandboxMounts(args);
    }

    /** The JDK's own {@code java}, by its real path (the one on PATH is a symlink through /etc/alternatives). */
    static String java() {
        return javaHome().resolve("bin/java").toString();
    }

    List<String> bwrap(Sandbox.Jail jail, long scratchBytes) {
        List<String> args = new ArrayList<>(fixed);
        args.addAll(List.of("--size", Long.toString(scratchBytes), "--tmpfs", "/tmp"));
        if (jail != null) {
            String workspace = jail.workspace().toAbsolutePath().normalize().toString();
            args.addAll(List.of("--ro-bind", workspace, workspace));
            for (Path scratch : jail.scratch()) {
                args.addAll(List.of("--size", Long.toString(scratchBytes), "--tmpfs",
                        scratch.toAbsolutePath().normalize().toString()));
            }
            for (Path kept : jail.data()) {
                String path = kept.toAbsolutePath().normalize().toString();
                args.addAll(List.of("--bind", path, path));
            }
            args.addAll(List.of("--chdir", workspace));
        }
        return args;
    }

    private static Path javaHome() {
        try {
            return Path.of(System.getProperty("java.home")).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve java.home", e);
        }
    }

    /** Where the JDK's links point outside {@code /usr} (as written in the link) to the file really there. */
    private static SortedMap<String, String> linkedFromJdk(Path home) {
        SortedMap<String, String> targets = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(home, 6)) {
            for (Path link : walk.filter(Files::isSymbolicLink).toList()) {
                Path literal = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
                Path real = realOrNull(link);
                if (real != null && Files.isRegularFile(real) && !literal.startsWith(home)
                        && !literal.startsWith("/usr/")) {
                    targets.put(literal.toString(), real.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JDK under " + home, e);
        }
        return targets;
    }

    /**
     * The top directories (such as {@code /etc/java-17-openjdk}) of linked files that hold nothing but linked files, each
     * there in its own right (not a link): mounting one of them whole shows the jail exactly what mounting each file
     * would.
     */
    private static List<Path> wholeDirectories(SortedMap<String, String> linked) {
        return linked.entrySet().stream().filter(link -> link.getKey().equals(link.getValue()))
                .map(link -> Path.of(link.getKey())).filter(file -> file.getNameCount() > 2)
                .map(file -> file.getRoot().resolve(file.subpath(0, 2))).distinct()
                .filter(dir -> holdsOnly(dir, linked)).toList();
    }

    private static boolean holdsOnly(Path dir, SortedMap<String, String> linked) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.allMatch(path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                    || Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                            && path.toString().equals(linked.get(path.toString())));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static Path realOrNull(Path link) {
        try {
            return link.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
