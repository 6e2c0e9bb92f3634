package io.iterativeflow.core.engine;

import io.iterativeflow.core.spi.Fence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts and stops the periodic tasks, drains attempts on stop, and shuts down only the executors it created. */
final class Lifecycle {

    private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());

    private enum State { NEW, RUNNING, STOPPED }

    private final EngineParts parts;
    private final Dispatcher dispatcher;
    private final Maintenance maintenance;
    private final RetentionJob retentionJob;
    private final ScheduledExecutorService scheduler;
    private final List<ExecutorService> owned;
    private final CronTicker ticker;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private ScheduledFuture<?> heartbeat;
    private volatile Instant startedAt;

    Lifecycle(EngineParts parts, Dispatcher dispatcher, ScheduledExecutorService scheduler,
            List<ExecutorService> owned, CronTicker ticker) {
        this.parts = parts;
        this.dispatcher = dispatcher;
        this.maintenance = new Maintenance(parts, dispatcher, scheduler);
        this.retentionJob = new RetentionJob(new Retention(parts.store(), parts.settings().retention().batchSize()),
                parts.settings().retention(), parts.clock(), scheduler);
        this.scheduler = scheduler;
        this.owned = List.copyOf(owned);
        this.ticker = ticker;
    }

    boolean isRunning() {
        return state.get() == State.RUNNING;
    }

    synchronized void start() {
        if (!state.compareAndSet(State.NEW, State.RUNNING)) {
            return;
        }
        startedAt = parts.clock().instant();
        long poll = parts.settings().pollInterval().toMillis();
        long beat = Math.max(1, parts.settings().heartbeatInterval().toMillis());
        long sweep = parts.settings().reconcileInterval().toMillis();
        dispatcher.open();
        tasks.add(scheduler.scheduleWithFixedDelay(dispatcher::wake, poll, poll, TimeUnit.MILLISECONDS));
        tasks.add(scheduler.scheduleWithFixedDelay(maintenance::reconcile, sweep, sweep, TimeUnit.MILLISECONDS));
        ticker.start(startedAt).ifPresent(check -> tasks.add(scheduler.scheduleWithFixedDelay(check,
                0, poll, TimeUnit.MILLISECONDS)));
        heartbeat = scheduler.scheduleWithFixedDelay(maintenance::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        retentionJob.start();
        dispatcher.wake();
    }

    /** When {@link #start()} ran (engine time); empty before. */
    Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /** Schedules a wake-up of the dispatcher at {@code delayMillis}, if it comes before the next poll anyway. */
    void wakeIn(long delayMillis) {
        if (state.get() != State.RUNNING || delayMillis >= parts.settings().pollInterval().toMillis()) {
            return;
        }
        try {
            scheduler.schedule(dispatcher::wake, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            LOG.log(Level.FINE, "wake-up not scheduled; the poll finds the run", rejected);
        }
    }

    synchronized void stop() {
        if (state.getAndSet(State.STOPPED) != State.RUNNING) {
            shutdownOwned();
            return;
        }
        dispatcher.close();
        tasks.forEach(t -> t.cancel(false));
        retentionJob.stop();
        boolean drained = awaitDrain();
        if (!drained) {
            for (Attempt attempt : parts.inFlight().all()) {
                attempt.abort("engine shutting down");
                release(attempt.fence());
            }
        }
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        shutdownOwned();
        LOG.info(() -> "iterativeflow engine " + parts.instanceId() + " stopped"
                + (drained ? "" : "; runs still in flight were given back"));
    }

    synchronized void halt() {
        state.set(State.STOPPED);
        dispatcher.halt();
        tasks.forEach(t -> t.cancel(true));
        retentionJob.stop();
        if (heartbeat != null) {
            heartbeat.cancel(true);
        }
        parts.inFlight().all().forEach(a -> a.abort("engine halted"));
        shutdownOwned();
    }

    private boolean awaitDrain() {
        try {
            return dispatcher.awaitIdle(parts.settings().shutdownTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void release(Fence fence) {
        try {
            parts.store().release(fence, "engine " + parts.instanceId() + " shut down");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not give back run " + fence.runId() + "; it is reclaimed when its lease"
                    + " expires", e);
        }
    }

    private void shutdownOwned() {
        owned.forEach(ExecutorService::shutdownNow);
    }
}
