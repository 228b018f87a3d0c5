package dev.gigafactory.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.devstack.bench.Bench.Result;
import dev.gigafactory.devstack.bench.Bench.Sample;
import dev.gigafactory.devstack.bench.StageClock.Timeline;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void overheadIsHopLatencyMinusTheWorkTheEventReports() {
        Sample sample = new Sample("bench-x-0", new Timeline(Map.of("submitted", 0L, "accepted", 20L, "planned", 50L,
                "coded", 90L, "tested", 1_090L, "deployed", 1_600L), 900L, false), 1_200L);

        assertThat(BenchReport.hop(List.of(sample), 1, true)).containsExactly(20L);
        assertThat(BenchReport.hop(List.of(sample), 4, false)).containsExactly(1_000L);
        assertThat(BenchReport.hop(List.of(sample), 4, true)).containsExactly(100L);
        assertThat(BenchReport.hop(List.of(sample), 5, true)).containsExactly(110L);
        assertThat(Bench.total(sample)).isEqualTo(1_600L);
    }

    @Test
    void percentilesAreNearestRank() {
        Stats stats = Stats.of(List.of(5L, 1L, 4L, 2L, 3L));

        assertThat(stats).isEqualTo(new Stats(5, 3, 5, 5));
        assertThat(Stats.of(List.of())).isEqualTo(new Stats(0, 0, 0, 0));
    }

    @Test
    void theReportNamesTheMachineTheCommandAndTheFleetTotal() {
        Sample sample = new Sample("s", new Timeline(Map.of("submitted", 0L, "deployed", 3_000L), null, false), 0);
        FleetMemory memory = new FleetMemory(Map.of("planner-service", new Footprint(200_000L, 180_000L)),
                new Footprint(300_000L, 290_000L), new Footprint(100_000L, 40_000L), 9,
                List.of(new Footprint(50_000L, 45_000L), new Footprint(36_000L, 20_000L)));
        CpuUse cpu = new CpuUse(Map.of("tester-service", 1_500L), 1_500L, 6_000L);
        Sample quarkus = new Sample("q", new Timeline(Map.of("submitted", 0L, "deployed", 9_000L), 7_000L, false), 0);
        StackComparison stacks = new StackComparison(List.of(
                StackComparison.Row.of("jdk-http", List.of(sample), memory.eachProduct()),
                StackComparison.Row.of("quarkus", List.of(quarkus), List.of(new Footprint(150_000L, 140_000L))),
                StackComparison.Row.failed("other", "did not run: timed out")));
        Result result = new Result(1, List.of(sample), List.of(sample), Duration.ofSeconds(3), memory, "| hop |\n",
                cpu, stacks);

        String md = BenchReport.markdown(result, "./factory bench 1", "2 cores");

        assertThat(md).contains("2 cores", "`./factory bench 1`", "| planner-service | 195 | 176 |",
                "| PostgreSQL (9 processes) | 98 | 39 |", "| **fleet total** | 586 | 498 |",
                "20.0 specs/min", "PSS met (498 MB", "RSS summed over every process met (586 MB)",
                "| products (2 processes, not part of the fleet) | 84 | 63 |", "RSS p50 35, p95 49, max 49; PSS p50 20",
                "each running product ≤ 40 MB RSS: met (p50 35 MB, max 49 MB)",
                "todo alone, submitted → running ≤ 1.5 s median: not met (3000 ms)", "25 % busy",
                "1.50 CPU-s per spec in all (the machine's busy time over the specs), 1.50 of it in the processes",
                "| tester-service | 1.5 | 1500 |",
                "in none of these: the machine's other processes, ones that ended unwaited, interrupts) | 0.0 | 0 |",
                "| jdk-http | 1 | 3000 | 0 | 35 |", "| quarkus | 1 | 9000 | 7000 | 146 |",
                "| other | 0 | did not run: timed out | | |");
    }

    @Test
    void burstCpuCountsEachProcessFromItsFirstReadingAndANewOneFromNothing() {
        CpuUse.Reading before = new CpuUse.Reading(Map.of("tester-service", Map.of(7L, 1_000L),
                "products", Map.of(11L, 300L)), 10_000L, 40_000L);
        CpuUse.Reading after = new CpuUse.Reading(Map.of("tester-service", Map.of(7L, 4_000L),
                "products", Map.of(11L, 500L, 12L, 250L)), 16_000L, 48_000L);

        CpuUse used = CpuUse.between(before, after);

        assertThat(used.millis()).containsEntry("tester-service", 3_000L).containsEntry("products", 450L);
        assertThat(used.total()).isEqualTo(3_450L);
        assertThat(used.machineBusy()).isEqualTo(0.75);
    }

    @Test
    void cpuTimeIsReadFromProcAndIsNothingForAProcessThatIsGone() {
        long mine = CpuUse.millis(ProcessHandle.current().pid());
        long spin = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < spin) {
            Thread.onSpinWait();
        }

        assertThat(CpuUse.millis(ProcessHandle.current().pid())).isGreaterThan(mine);
        assertThat(CpuUse.millis(Long.MAX_VALUE)).isZero();
    }

    @Test
    void onlyItsOwnSectionOfTheDocumentIsReplaced() {
        String first = BenchDoc.merge("", "old figures");
        String withOthers = first + "\n## Someone else's figures\nkept\n";

        String merged = BenchDoc.merge(withOthers, "new figures");

        assertThat(first).startsWith("# Benchmarks\n");
        assertThat(merged).contains(BenchDoc.START + "\nnew figures\n" + BenchDoc.END, "Someone else's figures\nkept")
                .doesNotContain("old figures");
    }

    @Test
    void theTodoSpecIsRenamedOnlyInItsMetadata() {
        byte[] todo = "metadata:\n  name: todo\nspec:\n  entities:\n    - name: Todo\n"
                .getBytes(StandardCharsets.UTF_8);

        String renamed = new String(BenchSpecs.renamed(todo, "bench-a-1"), StandardCharsets.UTF_8);

        assertThat(renamed).contains("  name: bench-a-1\n", "- name: Todo");
    }

    @Test
    void theQuarkusRunsAreTheTodoExampleWithOnlyItsStackChanged() {
        String todo = ExampleSpecs.text("todo.yaml");

        String quarkus = new String(BenchSpecs.onQuarkus(todo.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);

        assertThat(quarkus).contains("  stack: quarkus\n").doesNotContain("jdk-http")
                .isEqualTo(todo.replace("stack: jdk-http", "stack: quarkus"));
    }
}
