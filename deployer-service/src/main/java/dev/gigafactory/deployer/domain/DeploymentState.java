package dev.gigafactory.deployer.domain;

/** Where one started version of a spec stands; every state but SERVING is final for that record. */
public enum DeploymentState {
    /** Behind the spec's stable URL now. */
    SERVING,
    /** Replaced by a newer version (blue/green), drained and stopped. */
    REPLACED,
    /** Replaced by a fresh instance of itself after a restart incident. */
    RESTARTED,
    /** Replaced by the version before it after a rollback incident. */
    ROLLED_BACK,
    /** Stopped on purpose (undeployed). */
    STOPPED,
    /** Its process exited without being asked to. */
    CRASHED,
    /** Never became ready: it did not report a port or answer /health in time, or exited while starting. */
    FAILED
}
