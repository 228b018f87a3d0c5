package dev.gigafactory.contracts.bench;

import dev.gigafactory.contracts.spec.SpecDigest;
import dev.gigafactory.contracts.validation.SpecValidator;
import dev.gigafactory.contracts.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A harness, not a test: validated specs per second for a realistic 5-entity spec on one thread (read, schema,
 * semantic checks, digest — everything intake does before storing). Run with
 * {@code java -cp <test classpath> dev.gigafactory.contracts.bench.ValidationBenchmark [seconds]}.
 */
public final class ValidationBenchmark {

    private ValidationBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        byte[] document = FiveEntitySpec.yaml().getBytes(StandardCharsets.UTF_8);
        SpecValidator validator = new SpecValidator();
        run(validator, document, 2_000); // warm-up
        double[] rates = new double[seconds];
        for (int i = 0; i < seconds; i++) {
            long start = System.nanoTime();
            int count = 0;
            while (System.nanoTime() - start < 1_000_000_000L) {
                run(validator, document, 50);
                count += 50;
            }
            rates[i] = count / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf("validated specs/s (5 entities, %d bytes, one thread): median %.0f, min %.0f, max %.0f%n",
                document.length, rates[rates.length / 2], rates[0], rates[rates.length - 1]);
    }

    private static void run(SpecValidator validator, byte[] document, int times) {
        for (int i = 0; i < times; i++) {
            ValidationResult result = validator.validate(document);
            if (!result.isValid() || SpecDigest.of(result.spec()).isEmpty()) {
                throw new IllegalStateException("benchmark spec must be valid: " + result.problems());
            }
        }
    }
}
