package dev.gigafactory.intake.service;

import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.validation.Problem;
import java.util.List;

/** What became of one submitted document. */
public sealed interface SubmissionOutcome {

    /** A new version was stored and announced. */
    record Accepted(String name, int version, String digest, List<SpecChange> changes) implements SubmissionOutcome {
    }

    /**
     * The document means exactly what the newest version means: nothing new to build. {@code stage} is where that
     * version is (null before its first stage is known); {@code failure} says why it failed when it failed for good,
     * else null.
     */
    record Unchanged(String name, int version, String digest, String stage, String failure)
            implements
                SubmissionOutcome {

        /** What the submitter is told: nothing to build, and what to do about a failed version. */
        public String message() {
            String same = "identical to version " + version + " once normalised; nothing new to build";
            return failure == null
                    ? same
                    : same + "; version " + version + " failed: " + failure + "; a resubmission is not a retry: "
                            + RetryRule.hint(name);
        }
    }

    /**
     * The document was refused; {@code name} is null when it could not even be read, and {@code unreadable} when its
     * bytes were not text at all.
     */
    record Rejected(String name, List<Problem> problems, boolean unreadable) implements SubmissionOutcome {
    }
}
