package dev.gigafactory.e2e.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.devstack.launcher.Fleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/prometheus as promtool sees it: a valid configuration, valid rules, and rule unit tests that pass. */
class PrometheusRulesTest {

    private static final Path PROMETHEUS = Fleet.findRepoRoot(Path.of("").toAbsolutePath())
            .resolve("deploy/prometheus");

    @Test
    void alertRulesAreValid() throws Exception {
        assertSucceeds(command("check", "rules", files("rules", ".rules.yml")));
    }

    @Test
    void alertRulesPassTheirUnitTests() throws Exception {
        assertSucceeds(command("test", "rules", files("tests", ".test.yml")));
    }

    @Test
    void scrapeConfigurationIsValid() throws Exception {
        assertSucceeds(new String[]{"check", "config", "prometheus.yml"});
    }

    private static void assertSucceeds(String[] args) throws Exception {
        Promtool.Outcome outcome = Promtool.run(PROMETHEUS, args);
        assertThat(outcome.exitCode()).as("promtool %s in %s said:%n%s", String.join(" ", args), PROMETHEUS,
                outcome.output()).isZero();
    }

    private static String[] command(String verb, String noun, List<String> files) {
        assertThat(files).as("%s files to %s", noun, verb).isNotEmpty();
        List<String> args = new ArrayList<>(List.of(verb, noun));
        args.addAll(files);
        return args.toArray(String[]::new);
    }

    private static List<String> files(String dir, String suffix) throws Exception {
        try (Stream<Path> paths = Files.list(PROMETHEUS.resolve(dir))) {
            return paths.map(path -> dir + "/" + path.getFileName()).filter(name -> name.endsWith(suffix)).sorted()
                    .toList();
        }
    }
}
