package dev.gigafactory.intake.service;

import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.validation.Problem;
import java.util.List;

/** What became of one submitted document. */
public sealed interface SubmissionOutcome {

    /** A new version was stored and announced. */
    record Accepted(String name, int version, String digest, List<SpecChange> changes) implements SubmissionOutcome {
    }

    /** The document means exactly what the newest version means: nothing new to build. */
    record Unchanged(String name, int version, String digest) implements SubmissionOutcome {
    }

    /**
     * The document was refused; {@code name} is null when it could not even be read, and {@code unreadable} when its
     * bytes were not text at all.
     */
    record Rejected(String name, List<Problem> problems, boolean unreadable) implements SubmissionOutcome {
    }
}
