package dev.gigafactory.devstack.bench;

import dev.gigafactory.devstack.bench.Bench.Sample;
import java.util.List;
import java.util.Locale;

/**
 * The todo spec on each stack, alone: its whole trip, its gate (the tester's own report of its work), and what its
 * running product holds in memory. A stack whose specs did not all run says so instead of a figure.
 */
record StackComparison(List<Row> rows) {

    /** One stack's figures; {@code problem} is set when its runs could not be measured. */
    record Row(String stack, Stats total, Stats gate, Stats rssKb, String problem) {

        static Row of(String stack, List<Sample> samples, List<Footprint> products) {
            return new Row(stack, Stats.of(BenchReport.totals(samples)), Stats.of(samples.stream()
                    .map(s -> s.timeline().testMillis()).filter(t -> t != null).toList()),
                    Stats.of(products.stream().map(Footprint::rssKb).filter(kb -> kb > 0).toList()), null);
        }

        static Row failed(String stack, String problem) {
            return new Row(stack, Stats.of(List.of()), Stats.of(List.of()), Stats.of(List.of()), problem);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder("\nThe todo spec on each stack, alone (`spec.stack`; the same spec, "
                + "renamed; gate = the tester's reported work, build and tests included; RSS of each product once it "
                + "runs):\n\n| stack | runs | submitted → running p50 (ms) | gate p50 (ms) | product RSS p50 (MB) |\n"
                + "| --- | ---: | ---: | ---: | ---: |\n");
        for (Row row : rows) {
            if (row.problem() != null) {
                md.append("| ").append(row.stack()).append(" | 0 | ").append(row.problem()).append(" | | |\n");
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f |\n", row.stack(), row.total().count(),
                    row.total().p50(), row.gate().p50(), row.rssKb().p50() / 1024.0));
        }
        return md.toString();
    }
}
