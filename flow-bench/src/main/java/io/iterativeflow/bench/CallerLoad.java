package io.iterativeflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Callers that loop start → result on one session until a number of runs have been started. */
record CallerLoad(double seconds, long[] latencies) {

    static CallerLoad run(FlowSession session, int callers, int runs) {
        long[] latencies = new long[runs];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long begin = System.nanoTime();
            List<Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                loops.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < runs; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        session.startAndAwait(i);
                        latencies[i] = System.nanoTime() - start;
                    }
                }));
            }
            for (Future<?> loop : loops) {
                loop.get();
            }
            return new CallerLoad((System.nanoTime() - begin) / 1e9, latencies);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a caller failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    double p50Millis() {
        return Percentiles.of(latencies).p50();
    }
}
