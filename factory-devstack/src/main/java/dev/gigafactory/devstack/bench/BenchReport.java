package dev.gigafactory.devstack.bench;

import dev.gigafactory.devstack.bench.Bench.Result;
import dev.gigafactory.devstack.bench.Bench.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a {@link Result} into the markdown that goes to docs/benchmarks.md and the terminal. */
final class BenchReport {

    private static final List<String> STAGES = StageClock.STAGES;

    private BenchReport() {
    }

    static String markdown(Result result, String command, String machine) {
        StringBuilder md = new StringBuilder();
        md.append("## Pipeline benchmark (`./factory bench`)\n\n");
        md.append("Machine: ").append(machine).append("  \nCommand: `").append(command).append("`\n\n");
        Stats single = Stats.of(totals(result.singles()));
        Stats burst = Stats.of(totals(result.burst()));
        md.append("| measure | p50 | p95 | max | n |\n| --- | ---: | ---: | ---: | ---: |\n");
        row(md, "todo alone, submitted → running (ms)", single);
        row(md, "burst of " + result.n() + ", submitted → running (ms)", burst);
        md.append(String.format(Locale.ROOT, "\nThroughput (burst of %d): %.1f specs/min (%d running, %d failed, "
                + "first submit to last running %.1f s).\n\n", result.n(), throughput(result.burst()),
                burst.count(), result.burst().size() - burst.count(), span(result.burst()) / 1000.0));
        md.append(cpu(result.burstCpu(), result.n()));
        md.append("Per hop (ms): latency = record timestamp of the stage minus that of the previous stage; work = what "
                + "the hop reports doing (tested: `TestsCompleted.durationMs`; deployed: product process start → "
                + "`DeploymentCompleted` record, from the product process start time in /proc/<pid>/stat counted back from /proc/uptime; accepted, planned, coded "
                + "report none, so all their latency counts as overhead); overhead = latency − work.\n\n");
        md.append("| hop | alone: latency p50 | alone: work p50 | alone: overhead p50 | burst: latency p50 / p95 "
                + "| burst: overhead p50 / p95 |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (int i = 1; i < STAGES.size(); i++) {
            Stats aloneLatency = Stats.of(hop(result.singles(), i, false));
            Stats aloneWork = Stats.of(work(result.singles(), i));
            Stats aloneOverhead = Stats.of(hop(result.singles(), i, true));
            Stats burstLatency = Stats.of(hop(result.burst(), i, false));
            Stats burstOverhead = Stats.of(hop(result.burst(), i, true));
            md.append(String.format(Locale.ROOT, "| %s → %s | %d | %d | %d | %d / %d | %d / %d |\n",
                    STAGES.get(i - 1), STAGES.get(i), aloneLatency.p50(), aloneWork.p50(), aloneOverhead.p50(),
                    burstLatency.p50(), burstLatency.p95(), burstOverhead.p50(), burstOverhead.p95()));
        }
        md.append("\nWhere the time of a hop goes (todo alone; each service's own consumer timers, means over the "
                + "singles):\n\n").append(result.hopBreakdown());
        md.append(memory(result.memory()));
        md.append(result.stacks().markdown());
        md.append(goals(result, single));
        return md.toString();
    }

    /** Where the burst's CPU went, and whether the cores were the limit. */
    static String cpu(CpuUse cpu, int n) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "CPU during the burst (user + system time, "
                + "with the children each process waited for: the tester's include its sandboxed gate JVMs): the "
                + "machine's %d cores were %.0f %% busy; %.2f CPU-s per spec in all (the machine's busy time over the "
                + "specs), %.2f of it in the processes below.\n\n| process | CPU s | per spec (ms) |\n| --- | ---: | ---: "
                + "|\n", Runtime.getRuntime().availableProcessors(), cpu.machineBusy() * 100,
                Math.max(cpu.machineBusyMillis(), cpu.total()) / 1000.0 / Math.max(1, n),
                cpu.total() / 1000.0 / Math.max(1, n)));
        cpu.millis().forEach((name, millis) -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %d |\n", name,
                millis / 1000.0, millis / Math.max(1, n))));
        long elsewhere = Math.max(0, cpu.machineBusyMillis() - cpu.total());
        md.append(String.format(Locale.ROOT,
                "| elsewhere (busy, in none of these: the machine's other processes, ones that ended unwaited, "
                        + "interrupts) | %.1f | %d |\n",
                elsewhere / 1000.0, elsewhere / Math.max(1, n)));
        return md.append('\n').toString();
    }

    static String memory(FleetMemory memory) {
        StringBuilder md = new StringBuilder(
                "\nMemory after the burst (MB; RSS as `ps` shows it, PSS with shared pages "
                        + "divided among the processes that share them):\n\n| process | RSS | PSS |\n| --- | ---: | ---: |\n");
        memory.services().forEach((name, footprint) -> row(md, name, footprint));
        row(md, "broker (the infrastructure JVM)", memory.broker());
        row(md, "PostgreSQL (" + memory.databaseProcesses() + " processes)", memory.database());
        row(md, "**fleet total**", memory.fleet());
        row(md, "products (" + memory.eachProduct().size() + " processes, not part of the fleet)",
                memory.products());
        Stats rss = Stats.of(memory.eachProduct().stream().map(Footprint::rssKb).toList());
        Stats pss = Stats.of(memory.eachProduct().stream().map(Footprint::pssKb).toList());
        md.append(String.format(Locale.ROOT, "\nEach running product (MB): RSS p50 %s, p95 %s, max %s; PSS p50 %s "
                + "(the JVM's code and the JDK's class-data archive are mapped from the same files by every "
                + "product, so PSS is what one more product costs).\n", mb(rss.p50()), mb(rss.p95()),
                mb(rss.max()), mb(pss.p50())));
        return md.toString();
    }

    /** Each goal (issues 7 and 14) against what was measured, and where one is missed, what bounds it. */
    static String goals(Result result, Stats single) {
        StringBuilder md = new StringBuilder("\nGoals (todo alone for latency and overhead):\n\n");
        Stats burst = Stats.of(totals(result.burst()));
        double throughput = throughput(result.burst());
        Stats productRss = Stats.of(result.memory().eachProduct().stream().map(Footprint::rssKb).toList());
        List<String> hops = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        for (int i = 1; i < STAGES.size(); i++) {
            long latency = Stats.of(hop(result.singles(), i, false)).p50();
            long overhead = Stats.of(hop(result.singles(), i, true)).p50();
            String name = STAGES.get(i - 1) + " → " + STAGES.get(i);
            hops.add(name + " " + latency + " ms");
            if (overhead > 30) {
                slow.add(name + " " + overhead + " ms");
            }
        }
        md.append(String.format(Locale.ROOT, "- todo alone, submitted → running ≤ 1.5 s median: %s (%d ms); hops: "
                + "%s.\n", single.p50() <= 1_500 ? "met" : "not met", single.p50(), String.join(", ", hops)));
        md.append(String.format(Locale.ROOT, "- burst of %d, ≥ 100 specs/min: %s (%.1f); submitted → running ≤ 40 s "
                + "at p95: %s (%d ms).\n", result.burst().size(), throughput >= 100 ? "met" : "not met",
                throughput, burst.p95() <= 40_000 ? "met" : "not met", burst.p95()));
        md.append(String.format(Locale.ROOT, "- each running product ≤ 40 MB RSS: %s (p50 %s MB, max %s MB).\n",
                productRss.p50() <= 40 * 1024 ? "met" : "not met", mb(productRss.p50()), mb(productRss.max())));
        md.append("- overhead ≤ 30 ms per hop at p50: ").append(slow.isEmpty()
                ? "met"
                : "not met for " + String
                        .join(", ", slow))
                .append(".\n");
        FleetMemory memory = result.memory();
        Footprint fleet = memory.fleet();
        Footprint jvms = Footprint.sum(memory.services().values()).plus(memory.broker());
        md.append(String.format(Locale.ROOT, "- fleet ≤ 1.5 GB: PSS %s (%s MB, shared pages counted once); RSS summed "
                + "over every process %s (%s MB), of which the seven JVMs %s MB and the %d PostgreSQL processes %s MB "
                + "(%s MB PSS: each of them counts the shared buffers and libraries they all map).\n",
                verdict(fleet.pssKb()), mb(fleet.pssKb()), verdict(fleet.rssKb()), mb(fleet.rssKb()),
                mb(jvms.rssKb()), memory.databaseProcesses(), mb(memory.database().rssKb()),
                mb(memory.database().pssKb())));
        return md.toString();
    }

    static List<Long> totals(List<Sample> samples) {
        return samples.stream().map(Bench::total).filter(t -> t >= 0).toList();
    }

    /** The i-th hop's latency (or overhead) for every sample that reached its end. */
    static List<Long> hop(List<Sample> samples, int i, boolean overheadOnly) {
        List<Long> values = new ArrayList<>();
        for (Sample sample : samples) {
            Map<String, Long> at = sample.timeline().at();
            Long from = at.get(STAGES.get(i - 1));
            Long to = at.get(STAGES.get(i));
            if (from != null && to != null) {
                long latency = to - from;
                values.add(overheadOnly ? Math.max(0, latency - workOf(sample, i, latency)) : latency);
            }
        }
        return values;
    }

    static List<Long> work(List<Sample> samples, int i) {
        return samples.stream().filter(s -> s.timeline().at().containsKey(STAGES.get(i)))
                .map(s -> workOf(s, i, Long.MAX_VALUE)).toList();
    }

    private static long workOf(Sample sample, int i, long latency) {
        String stage = STAGES.get(i);
        if ("tested".equals(stage) && sample.timeline().testMillis() != null) {
            return Math.min(latency, sample.timeline().testMillis());
        }
        Long deployed = sample.timeline().at().get("deployed");
        if ("deployed".equals(stage) && sample.productStartedAt() > 0 && deployed != null) {
            return Math.max(0, Math.min(latency, deployed - sample.productStartedAt()));
        }
        return 0;
    }

    private static double throughput(List<Sample> samples) {
        long span = span(samples);
        return span <= 0 ? 0 : totals(samples).size() * 60_000.0 / span;
    }

    private static long span(List<Sample> samples) {
        long first = samples.stream().map(s -> s.timeline().at().get("submitted")).filter(t -> t != null)
                .mapToLong(Long::longValue).min().orElse(0);
        long last = samples.stream().map(s -> s.timeline().at().get("deployed")).filter(t -> t != null)
                .mapToLong(Long::longValue).max().orElse(0);
        return last - first;
    }

    private static void row(StringBuilder md, String name, Stats stats) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |\n", name, stats.p50(), stats.p95(),
                stats.max(), stats.count()));
    }

    private static String verdict(long kb) {
        return kb <= 1536 * 1024 ? "met" : "not met";
    }

    private static void row(StringBuilder md, String name, Footprint footprint) {
        md.append("| ").append(name).append(" | ").append(mb(footprint.rssKb())).append(" | ")
                .append(mb(footprint.pssKb())).append(" |\n");
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%.0f", kb / 1024.0);
    }
}
