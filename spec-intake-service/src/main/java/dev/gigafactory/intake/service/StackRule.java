package dev.gigafactory.intake.service;

import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.validation.Problem;
import java.util.Optional;

/**
 * A spec keeps the stack its first version chose. Its running service's data lives where that stack keeps it (a
 * jdk-http product's journal file, a quarkus product's PostgreSQL database), and no version carries it from one to the
 * other: a later version on another stack would start empty. Another stack is another service, under another name.
 */
final class StackRule {

    static final String POINTER = "/spec/stack";

    private StackRule() {
    }

    /** The problem with the next version's stack, if it is not the one the spec already has. */
    static Optional<Problem> moved(ServiceSpec previous, ServiceSpec next) {
        if (previous == null) {
            return Optional.empty();
        }
        String was = previous.normalized().spec().stack();
        String now = next.normalized().spec().stack();
        if (was.equals(now)) {
            return Optional.empty();
        }
        return Optional.of(Problem.at(POINTER, "the stack cannot change from '" + was + "' (what '" + next.name()
                + "' is built on since its first version) to '" + now + "': the running service's data would not "
                + "follow it; publish the spec under a new name to build it on '" + now + "'"));
    }
}
