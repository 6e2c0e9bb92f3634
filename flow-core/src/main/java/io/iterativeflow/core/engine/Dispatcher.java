package io.iterativeflow.core.engine;

import io.iterativeflow.core.spi.ClaimedRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Claims ready runs while this instance has free worker slots and hands each to a worker. Woken by the poll timer, by
 * starts on this instance, and by finished attempts when the last claim suggested more work is waiting. At most one
 * claim runs at a time; wake-ups that arrive meanwhile are folded into one more round.
 */
final class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private final EngineParts parts;
    private final AttemptRunner runner;
    private final Executor workers;
    private final Executor claimer;
    private final Semaphore slots;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Held by a claim round until its runs are handed over; {@link #close()} takes it to wait for that. */
    private final Object claiming = new Object();
    /** Notified whenever a slot is freed, for {@link #awaitIdle(long)}. */
    private final Object idle = new Object();
    private volatile boolean moreWaiting;
    private volatile boolean open;
    private volatile boolean halted;
    private volatile Instant lastRound;
    private final boolean localStarts;

    Dispatcher(EngineParts parts, AttemptRunner runner, Executor workers, Executor claimer, boolean localStarts) {
        this.localStarts = localStarts;
        this.parts = parts;
        this.runner = runner;
        this.workers = workers;
        this.claimer = claimer;
        this.slots = new Semaphore(parts.settings().concurrency());
    }

    void wake() {
        wanted.set(true);
        if (open && draining.compareAndSet(false, true)) {
            submitDrain();
        }
    }

    private void submitDrain() {
        try {
            claimer.execute(this::drain);
        } catch (RuntimeException rejected) {
            draining.set(false);
            LOG.log(Level.FINE, "claim not scheduled (executor shut down?)", rejected);
        }
    }

    /**
     * When the last claim round that asked the database for work ended (engine time); empty before the first. A
     * round that finds every worker busy does not count: workers stuck in their steps stall the dispatcher too. For
     * the liveness check.
     */
    Optional<Instant> lastRound() {
        return Optional.ofNullable(lastRound);
    }

    /** Starts claiming; until then wake-ups are ignored. */
    void open() {
        open = true;
    }

    /**
     * Stops claiming: returns once no claim round is in progress, so no run is claimed after it. Attempts already
     * running go on; runs handed to workers whose attempt has not begun are given back when they would begin.
     */
    void close() {
        synchronized (claiming) {
            open = false;
        }
    }

    /** Stops claiming like a crash: runs handed to workers are neither run nor given back (their leases expire). */
    void halt() {
        synchronized (claiming) {
            halted = true;
            open = false;
        }
    }

    /** Waits until every run handed to a worker is done or given back, or {@code millis} pass; true if all are. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (idle) {
            while (slots.availablePermits() < parts.settings().concurrency()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.max(1, left / 1_000_000L));
            }
        }
        return true;
    }

    private void drain() {
        try {
            while (open && wanted.getAndSet(false)) {
                boolean claimed = claimOnce();
                parts.outage().reachable();
                if (claimed) {
                    lastRound = parts.clock().instant();
                }
            }
        } catch (RuntimeException e) {
            parts.outage().failed(LOG, "claiming runs failed; trying again at the next poll", e);
        } finally {
            draining.set(false);
            if (open && wanted.get() && draining.compareAndSet(false, true)) {
                submitDrain();
            }
        }
    }

    /** True when the round asked the database for work; not when every worker was busy. */
    private boolean claimOnce() {
        synchronized (claiming) {
            return open && claimAndHandOver();
        }
    }

    private boolean claimAndHandOver() {
        // the round holds its slots before it claims, so a start that runs its run here cannot take them meanwhile
        int free = 0;
        int batch = parts.settings().claimBatchSize();
        while (free < batch && slots.tryAcquire()) {
            free++;
        }
        if (free <= 0) {
            moreWaiting = true;
            return false;
        }
        List<ClaimedRun> claimed;
        try {
            claimed = parts.store().claim(parts.instanceId(), free, parts.settings().leaseDuration(),
                    parts.registry().ids(), parts.registry().limits());
        } catch (RuntimeException e) {
            freeSlots(free);
            throw e;
        }
        boolean full = claimed.size() == free;
        // with limited flows, runs held back by a limit may be waiting: every finished attempt (which may free a
        // place) claims again, but a short round alone does not start another at once
        moreWaiting = full || !parts.registry().limits().isEmpty();
        freeSlots(free - claimed.size());
        for (ClaimedRun run : claimed) {
            try {
                workers.execute(() -> runAndRelease(run));
            } catch (RuntimeException rejected) {
                freeSlot();
                LOG.log(Level.WARNING, "worker executor refused run " + run.runId() + "; giving it back", rejected);
                giveBack(run, "the worker executor refused the attempt");
            }
        }
        if (full) {
            wanted.set(true);
        }
        return true;
    }

    /**
     * Takes a worker slot for a run that a start on this instance creates already claimed (so it runs here at once,
     * without a claim round); false when no slot is free or claiming has stopped. Give it back with
     * {@link #unreserve()} unless {@link #runReserved} runs the run.
     */
    boolean reserve() {
        return localStarts && open && slots.tryAcquire();
    }

    /** Gives back a slot {@link #reserve()} took for a start that did not claim its run. */
    void unreserve() {
        freeSlot();
    }

    /** Runs a run claimed by a start of this instance on the slot {@link #reserve()} took for it. */
    void runReserved(ClaimedRun run) {
        try {
            workers.execute(() -> runAndRelease(run));
        } catch (RuntimeException rejected) {
            freeSlot();
            LOG.log(Level.WARNING, "worker executor refused run " + run.runId() + "; giving it back", rejected);
            giveBack(run, "the worker executor refused the attempt");
        }
    }

    private void runAndRelease(ClaimedRun run) {
        try {
            if (open) {
                runner.run(run);
            } else if (!halted) {
                giveBack(run, "engine " + parts.instanceId() + " stopped before the attempt began");
            }
        } finally {
            freeSlot();
            // a keyed run that ended lets the next run of its key go
            if (moreWaiting || run.keyed()) {
                wake();
            }
        }
    }

    private void freeSlots(int count) {
        if (count > 0) {
            slots.release(count);
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    private void freeSlot() {
        slots.release();
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    /** Ready at once for any instance; the attempt does not count against {@code max-run-attempts}. */
    private void giveBack(ClaimedRun run, String reason) {
        try {
            parts.store().release(run.fence(), reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not give back run " + run.runId() + "; it is reclaimed when its lease"
                    + " expires", e);
        }
    }
}
