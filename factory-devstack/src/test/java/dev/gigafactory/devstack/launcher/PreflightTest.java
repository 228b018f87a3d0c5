package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a fresh machine sees from {@code ./factory up}: the launcher and its preflight script run as a user would run
 * them, with a PATH we build from symlinks, so each case controls exactly which tools exist. No apt-get on that PATH
 * and {@code FACTORY_PREFLIGHT_INSTALL=0}: a test never installs anything.
 */
class PreflightTest {

    /** What the scripts call besides the tools under test; those missing on this machine are simply left out. */
    private static final List<String> BASICS = List.of("bash", "dirname", "df", "awk", "id", "mktemp", "cat", "tail",
            "tee", "ls", "head", "true");
    private static final Path REPO = Fleet.findRepoRoot(Path.of(""));

    @TempDir
    Path tmp;

    @Test
    void upWithoutBubblewrapStopsBeforeStartingAnythingAndSaysHowToInstallIt() throws Exception {
        Path bin = toolsWithoutBwrap();
        Path state = tmp.resolve("state");

        Run run = run(bin, state, REPO.resolve("factory").toString(), "up");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.output()).contains("bubblewrap (bwrap) is not installed",
                "sudo apt-get install -y bubblewrap");
        assertThat(state).doesNotExist();
        assertThat(run.leftBehind()).isEmpty();
    }

    @Test
    void aKernelRefusingUserNamespacesIsNamedWithTheSysctlThatAllowsThem() throws Exception {
        Path bin = toolsWithoutBwrap();
        script(bin.resolve("bwrap"), """
                #!/bin/sh
                echo "bwrap: No permissions to creating new namespace, likely because the kernel does not allow \
                non-privileged user namespaces. On e.g. debian this can be enabled with \
                'sysctl kernel.unprivileged_userns_clone=1'." >&2
                exit 1
                """);

        Run run = run(bin, tmp.resolve("state"), preflight(), tmp.resolve("state").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.output()).contains("unprivileged user and network namespaces",
                "kernel.unprivileged_userns_clone=1", "user.max_user_namespaces");
    }

    @Test
    void aMachineWithEverythingPassesSilently() throws Exception {
        Path bwrap = Path.of("/usr/bin/bwrap");
        assumeTrue(Files.isExecutable(bwrap), "bubblewrap is not installed on this machine");
        Path bin = toolsWithoutBwrap();
        Files.createSymbolicLink(bin.resolve("bwrap"), bwrap);

        Run run = run(bin, tmp.resolve("state"), preflight(), tmp.resolve("state").toString());

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).isEmpty();
    }

    @Test
    void tooLittleDiskSaysHowMuchThereIs() throws Exception {
        Path bin = toolsWithoutBwrap();
        script(bin.resolve("bwrap"), "#!/bin/sh\nexit 0\n");

        Run run = run(bin, tmp.resolve("state"), List.of("FACTORY_MIN_DISK_MB=999999999"), preflight(),
                tmp.resolve("state").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.output()).containsPattern("only [0-9.]+ GiB free under " + tmp)
                .contains("FACTORY_STATE_DIR");
    }

    private Path toolsWithoutBwrap() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        Files.createSymbolicLink(bin.resolve("java"), javaBin.resolve("java"));
        Files.createSymbolicLink(bin.resolve("javac"), javaBin.resolve("javac"));
        for (String tool : BASICS) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                Path real = Path.of(dir, tool);
                if (Files.isExecutable(real)
                        && !Files.exists(bin.resolve(tool), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(bin.resolve(tool), real);
                }
            }
        }
        return bin;
    }

    private static String preflight() {
        return REPO.resolve("factory-devstack/src/main/sh/preflight.sh").toString();
    }

    private static void script(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run run(Path bin, Path state, String... command) throws Exception {
        return run(bin, state, List.of(), command);
    }

    private Run run(Path bin, Path state, List<String> extraEnv, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(bin.resolve("bash").toString()).redirectErrorStream(true);
        builder.command().addAll(List.of(command));
        builder.environment().clear();
        builder.environment().putAll(java.util.Map.of("PATH", bin.toString(), "HOME", tmp.toString(),
                "FACTORY_STATE_DIR", state.toString(), "FACTORY_PREFLIGHT_INSTALL", "0"));
        extraEnv.forEach(kv -> builder.environment().put(kv.substring(0, kv.indexOf('=')),
                kv.substring(kv.indexOf('=') + 1)));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script exits").isTrue();
        return new Run(process.exitValue(), output, process.descendants().filter(ProcessHandle::isAlive).toList());
    }

    private record Run(int code, String output, List<ProcessHandle> leftBehind) {
    }
}
