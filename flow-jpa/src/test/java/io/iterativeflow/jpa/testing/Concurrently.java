package io.iterativeflow.jpa.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Real threads released at the same instant, for races a test wants to provoke. */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Runs {@code task(i)} for i = 0 … threads-1, each on its own thread, all starting together; returns the results
     * in order of i. Fails with the first task's failure, or after a minute.
     */
    public static <T> List<T> run(int threads, IntFunction<T> task)
            throws InterruptedException, ExecutionException, TimeoutException {
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return task.apply(index);
                }, pool));
            }
            List<T> results = new ArrayList<>();
            for (CompletableFuture<T> future : futures) {
                results.add(future.get(1, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("threads were not released together", e);
        }
    }
}
