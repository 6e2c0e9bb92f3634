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
    private volatile boolean moreWaiting;
    private volatile boolean open;
    private volatile Instant lastRound;

    Dispatcher(EngineParts parts, AttemptRunner runner, Executor workers, Executor claimer) {
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

    /** When the last claim round ended (engine time); empty before the first. For the liveness check. */
    Optional<Instant> lastRound() {
        return Optional.ofNullable(lastRound);
    }

    /** Starts claiming; until then wake-ups are ignored. */
    void open() {
        open = true;
    }

    /** Stops claiming; attempts already handed to workers go on. */
    void close() {
        open = false;
    }

    private void drain() {
        try {
            while (open && wanted.getAndSet(false)) {
                claimOnce();
                lastRound = parts.clock().instant();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "claiming runs failed; trying again at the next poll", e);
        } finally {
            draining.set(false);
            if (open && wanted.get() && draining.compareAndSet(false, true)) {
                submitDrain();
            }
        }
    }

    private void claimOnce() {
        int free = Math.min(slots.availablePermits(), parts.settings().claimBatchSize());
        if (free <= 0) {
            moreWaiting = true;
            return;
        }
        List<ClaimedRun> claimed = parts.store().claim(parts.instanceId(), free, parts.settings().leaseDuration(),
                parts.registry().ids());
        moreWaiting = claimed.size() == free;
        for (ClaimedRun run : claimed) {
            slots.acquireUninterruptibly();
            try {
                workers.execute(() -> runAndRelease(run));
            } catch (RuntimeException rejected) {
                slots.release();
                LOG.log(Level.WARNING, "worker executor refused run " + run.runId() + "; it is retried when its"
                        + " lease expires", rejected);
            }
        }
        if (moreWaiting) {
            wanted.set(true);
        }
    }

    private void runAndRelease(ClaimedRun run) {
        try {
            runner.run(run);
        } finally {
            slots.release();
            if (moreWaiting) {
                wake();
            }
        }
    }
}
