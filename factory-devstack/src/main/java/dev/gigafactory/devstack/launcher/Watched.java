package dev.gigafactory.devstack.launcher;

import java.time.Duration;
import java.time.Instant;

/**
 * One process the supervisor watches, as a small state machine: {@code RUNNING} (a pid that should be alive),
 * {@code WAITING} (it died; start it again at {@code restartAt}), {@code STARTING} (started again, not yet ready).
 */
final class Watched {

    enum State {
        RUNNING, WAITING, STARTING
    }

    private final String name;
    private final Backoff backoff = new Backoff();
    private State state = State.RUNNING;
    private long pid;
    private Instant startedAt;
    private Instant restartAt;
    private int restarts;
    private String lastExit;
    /** What the supervisor started: kept reachable, since a tied child watches the stdin pipe it holds. */
    private Object handle;

    Watched(String name, long pid, Instant startedAt) {
        this.name = name;
        this.pid = pid;
        this.startedAt = startedAt;
    }

    /** The process is gone: when to start it again. */
    Duration exited(Instant now, String how) {
        Duration upFor = Duration.between(startedAt, now);
        Duration delay = backoff.afterExit(upFor);
        lastExit = how + " at " + now + " after " + upFor.toSeconds() + " s up";
        restartAt = now.plus(delay);
        state = State.WAITING;
        return delay;
    }

    boolean due(Instant now) {
        return state == State.WAITING && !now.isBefore(restartAt);
    }

    void starting(long newPid, Object newHandle, Instant now) {
        pid = newPid;
        handle = newHandle;
        restarts++;
        startedAt = now;
        state = State.STARTING;
    }

    /** Ready again: its minute of health counts from now. */
    void running(Instant now) {
        startedAt = now;
        state = State.RUNNING;
    }

    SupervisorState.Entry entry() {
        return new SupervisorState.Entry(pid, startedAt, restarts, lastExit, state != State.RUNNING);
    }

    String name() {
        return name;
    }

    State state() {
        return state;
    }

    long pid() {
        return pid;
    }

    Object handle() {
        return handle;
    }

    int restarts() {
        return restarts;
    }
}
