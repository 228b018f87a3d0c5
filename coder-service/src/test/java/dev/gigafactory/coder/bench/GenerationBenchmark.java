package dev.gigafactory.coder.bench;

import dev.gigafactory.coder.service.TemplateCodeAgent;
import dev.gigafactory.coder.support.ProductBuild;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How long the template agent takes to write a product, by spec size: 1, 5 and 20 entities of 8 fields (every field
 * type, with constraints and defaults). Not a test: run it by hand and copy the table into docs/benchmarks.md.
 *
 * <p>
 * Per size: 50 warm-up generations, then 200 measured ones of {@code generate} (model + every file) plus
 * {@code pack} and sha256 (what the service does before storing). Also one javac compile of the generated product
 * (main and test sources, in-process), for scale against what the tester does next.
 */
public final class GenerationBenchmark {

    private static final int WARM_UP = 50;
    private static final int MEASURED = 200;

    private GenerationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("%-9s %6s %10s %10s %10s %10s %12s%n", "entities", "files", "tree KiB", "median ms",
                "p95 ms", "mean ms", "javac ms");
        for (int entities : new int[]{1, 5, 20}) {
            run(entities);
        }
    }

    private static void run(int entities) throws Exception {
        PlanCreated plan = Specs.plan(spec(entities), 1);
        TemplateCodeAgent agent = new TemplateCodeAgent();
        for (int i = 0; i < WARM_UP; i++) {
            Digests.sha256(agent.generate(plan, null).tree().pack());
        }
        double[] millis = new double[MEASURED];
        SourceTree tree = null;
        byte[] packed = null;
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            tree = agent.generate(plan, null).tree();
            packed = tree.pack();
            Digests.sha256(packed);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        Path work = Files.createTempDirectory("generation-benchmark-");
        long compileStart = System.nanoTime();
        ProductBuild.of(plan.document(), 1, work);
        double compileMillis = (System.nanoTime() - compileStart) / 1e6;
        System.out.printf("%-9d %6d %10.1f %10.2f %10.2f %10.2f %12.0f%n", entities, tree.files().size(),
                packed.length / 1024.0, millis[MEASURED / 2], millis[(int) (MEASURED * 0.95)],
                Arrays.stream(millis).average().orElse(0), compileMillis);
    }

    private static ServiceSpec spec(int entities) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: gigafactory.dev/v1alpha1
                kind: ServiceSpec
                metadata: { name: bench }
                spec:
                  entities:
                """);
        for (int i = 0; i < entities; i++) {
            yaml.append("""
                        - name: Thing%d
                          fields:
                            - { name: title, type: string, required: true, minLength: 1, maxLength: 200 }
                            - { name: code, type: string, pattern: "^[A-Z]{3}-[0-9]+$" }
                            - { name: notes, type: text }
                            - { name: count, type: integer, minimum: 0, maximum: 1000, default: 1 }
                            - { name: price, type: decimal, minimum: 0 }
                            - { name: active, type: boolean, default: true }
                            - { name: due, type: date }
                            - { name: size, type: enum, values: [s, m, l], default: m }
                    """.formatted(i));
        }
        return Specs.parse(yaml.toString());
    }
}
