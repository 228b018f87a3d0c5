package dev.gigafactory.contracts.validation;

import dev.gigafactory.contracts.spec.ServiceSpec;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading a submitted document: a spec, or every problem found in it (never both). {@code name} is
 * the document's name when it could be read at all, so that a rejection can still be filed under it;
 * {@code unreadable} when the bytes were not even text (empty, not UTF-8, binary).
 */
public record ValidationResult(ServiceSpec spec, List<Problem> problems, String name, boolean unreadable) {

    public static ValidationResult valid(ServiceSpec spec) {
        return new ValidationResult(spec, List.of(), spec.name(), false);
    }

    public static ValidationResult invalid(List<Problem> problems, String name) {
        return new ValidationResult(null, List.copyOf(problems), name, false);
    }

    public static ValidationResult unreadable(Problem problem) {
        return new ValidationResult(null, List.of(problem), null, true);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public Optional<String> nameIfKnown() {
        return Optional.ofNullable(name);
    }
}
