package io.iterativeflow.test;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's worker threads in a test: real threads (a step's timeout needs one to wait on), counted, so that
 * {@link TestFlowEnvironment#runUntilIdle()} knows when every attempt handed out has ended.
 */
final class TrackedWorkers extends AbstractExecutorService {

    private final ExecutorService threads;
    private final Object lock = new Object();
    private final AtomicInteger started = new AtomicInteger();
    private int busy;

    TrackedWorkers() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "flow-test-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = Executors.newCachedThreadPool(factory);
    }

    /** How many tasks were handed to the workers so far. */
    int started() {
        return started.get();
    }

    @Override
    public void execute(Runnable command) {
        synchronized (lock) {
            busy++;
        }
        started.incrementAndGet();
        try {
            threads.execute(() -> {
                try {
                    command.run();
                } finally {
                    done();
                }
            });
        } catch (RuntimeException rejected) {
            done();
            throw rejected;
        }
    }

    private void done() {
        synchronized (lock) {
            busy--;
            lock.notifyAll();
        }
    }

    /** Waits until no task runs, at most {@code millis}; true if none does. */
    boolean awaitQuiet(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (lock) {
            while (busy > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            return true;
        }
    }

    @Override
    public void shutdown() {
        threads.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return threads.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return threads.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return threads.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return threads.awaitTermination(timeout, unit);
    }
}
