package dev.gigafactory.messaging;

/** Why processing a record failed, which decides what happens to the record next. */
public enum FailureKind {

    /** The record itself is unusable: no retry helps, it goes to the dead-letter topic at once. */
    POISON,

    /** Infrastructure is unreachable (database, broker, network): retried for as long as it takes. */
    OUTAGE,

    /** A concurrent writer got there first (serialization failure, deadlock, unique key): retried a few times. */
    CONFLICT,

    /** Anything else, most likely a bug: retried twice in case it was transient after all, then dead-lettered. */
    DEFECT
}
