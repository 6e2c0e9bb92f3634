package io.iterativeflow.test;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A task of the {@link ManualScheduler}: run when the test's thread drives the scheduler, never by a timer. */
final class ManualTask<V> implements ScheduledFuture<V>, Runnable {

    private static final Logger LOG = Logger.getLogger(ManualTask.class.getName());

    private final Callable<V> work;
    private final Instant dueAt;
    private final boolean periodic;
    private final Consumer<ManualTask<?>> onCancel;
    private final CompletableFuture<V> result = new CompletableFuture<>();

    ManualTask(Callable<V> work, Instant dueAt, boolean periodic, Consumer<ManualTask<?>> onCancel) {
        this.work = work;
        this.dueAt = dueAt;
        this.periodic = periodic;
        this.onCancel = onCancel;
    }

    Instant dueAt() {
        return dueAt;
    }

    boolean periodic() {
        return periodic;
    }

    @Override
    public void run() {
        if (result.isDone()) {
            return;
        }
        try {
            V value = work.call();
            if (!periodic) {
                result.complete(value);
            }
        } catch (Exception | Error e) {
            LOG.log(Level.WARNING, "a task of the engine failed in the test", e);
            if (!periodic) {
                result.completeExceptionally(e);
            }
        }
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(java.time.Duration.between(Instant.now(), dueAt).toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        onCancel.accept(this);
        return result.cancel(false);
    }

    @Override
    public boolean isCancelled() {
        return result.isCancelled();
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
        return result.get();
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return result.get(timeout, unit);
    }
}
