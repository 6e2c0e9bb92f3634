package io.iterativeflow.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The engine's scheduler in a test: nothing runs by itself. Tasks to run now (the dispatcher's claim rounds) wait
 * until {@link #runReady()} runs them on the calling thread; periodic tasks (polls, lease sweeps, cron checks) run
 * once per {@link #tick()}; delayed one-shot tasks run once the virtual clock has passed their due time. So the
 * test's thread decides when the engine looks for work, and no wall-clock timer ever fires.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final Supplier<Instant> now;
    private final List<ManualTask<?>> tasks = new CopyOnWriteArrayList<>();
    private volatile boolean shutdown;

    ManualScheduler(Supplier<Instant> now) {
        this.now = now;
    }

    /** Runs the tasks that are due now, including those they schedule; true if any ran. */
    boolean runReady() {
        boolean ran = false;
        for (ManualTask<?> task = nextDue(); task != null; task = nextDue()) {
            tasks.remove(task);
            task.run();
            ran = true;
        }
        return ran;
    }

    /** Runs every periodic task once, as if one poll interval had passed. */
    void tick() {
        for (ManualTask<?> task : List.copyOf(tasks)) {
            if (task.periodic() && !task.isCancelled()) {
                task.run();
            }
        }
    }

    private ManualTask<?> nextDue() {
        Instant at = now.get();
        for (ManualTask<?> task : tasks) {
            if (!task.periodic() && !task.dueAt().isAfter(at)) {
                return task;
            }
        }
        return null;
    }

    private <V> ManualTask<V> add(Callable<V> work, Duration delay, boolean periodic) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("the test's scheduler is shut down");
        }
        ManualTask<V> task = new ManualTask<>(work, now.get().plus(delay), periodic, tasks::remove);
        tasks.add(task);
        return task;
    }

    @Override
    public void execute(Runnable command) {
        add(() -> {
            command.run();
            return null;
        }, Duration.ZERO, false);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(() -> {
            command.run();
            return null;
        }, Duration.ofNanos(unit.toNanos(Math.max(0, delay))), false);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(callable, Duration.ofNanos(unit.toNanos(Math.max(0, delay))), false);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return periodic(command);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return periodic(command);
    }

    private ScheduledFuture<?> periodic(Runnable command) {
        return add(() -> {
            command.run();
            return null;
        }, Duration.ZERO, true);
    }

    @Override
    public void shutdown() {
        shutdown = true;
        tasks.clear();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return new ArrayList<>();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
