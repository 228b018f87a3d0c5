package dev.gigafactory.contracts.spec;

import java.util.List;

/** A named scenario of HTTP steps, run black-box against the started service: the release gate. */
public record AcceptanceCase(String name, List<AcceptanceStep> steps) {

    public AcceptanceCase {
        steps = steps == null ? List.of() : steps;
    }
}
