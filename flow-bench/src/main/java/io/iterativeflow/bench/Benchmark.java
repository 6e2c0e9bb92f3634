package io.iterativeflow.bench;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.jpa.JpaFlowStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The benchmark. The engine suite: a throughput run of many 10-step flows on one engine, counting statements and
 * commits at the JDBC boundary, then latency runs, one at a time, of single-step flows and of flows that wait for a
 * signal. The peer suite: {@link PeerComparison}. Each prints a Markdown table. Settings: {@link BenchSettings}.
 */
public final class Benchmark {

    private static final int STEPS = 10;
    /** Held, so that the levels set on them outlive a garbage collection. */
    private static final Logger ROOT_LOG = Logger.getLogger("");
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    private Benchmark() {
    }

    /** Sizes come from system properties ({@link BenchSettings}), the server from BENCH_JDBC_URL / _USER / _PASSWORD. */
    public static void main(String[] args) throws Exception {
        ROOT_LOG.setLevel(Level.WARNING);
        HIBERNATE_LOG.setLevel(Level.SEVERE);
        BenchSettings settings = BenchSettings.fromSystemProperties();
        BenchServer server = new BenchServer();
        if (settings.engineSuite()) {
            engineSuite(server, settings.runs(), settings.concurrency(), settings.latencyRuns(),
                    settings.pollInterval());
        }
        if (settings.peerSuite()) {
            new PeerComparison(server, settings).run();
        }
        if (settings.historySuite()) {
            new HistoryScaling(server).run();
        }
    }

    private static void engineSuite(BenchServer server, int runs, int concurrency, int latencyRuns, Duration poll)
            throws InterruptedException {
        try (BenchDatabase db = new BenchDatabase(server, concurrency + 4)) {
            CountingDataSource counting = new CountingDataSource(db.pool());
            EngineSettings settings = EngineSettings.defaults().withConcurrency(concurrency).withPollInterval(poll)
                    .withDefaultStepTimeout(Optional.empty());
            List<String> rows = new ArrayList<>();
            rows.add(throughput(counting, db, settings, runs));
            rows.add(latency(counting, db, settings, latencyRuns));
            rows.add(signalLatency(counting, db, settings, latencyRuns));
            System.out.println();
            System.out.println("| scenario | result |");
            System.out.println("|---|---|");
            rows.forEach(System.out::println);
        }
    }

    private static String throughput(CountingDataSource counting, BenchDatabase db, EngineSettings settings,
            int runs) {
        FlowDefinition<Integer, Integer> tenSteps = FlowDefinition.builder("ten-steps", Integer.class, Integer.class)
                .body((ctx, n) -> {
                    int sum = 0;
                    for (int i = 0; i < STEPS; i++) {
                        int value = i;
                        sum += ctx.step("step", Integer.class, s -> value);
                    }
                    return sum + n;
                }).build();
        try (JpaFlowStore store = JpaFlowStore.create(counting.dataSource(), FlowClock.SYSTEM)) {
            Engine engine = Engine.builder().store(store).settings(settings).flow(tenSteps).build();
            engine.start();
            FlowHandle<Integer, Integer> handle = engine.flow(tenSteps);
            warmUp(handle);
            db.truncate();
            counting.reset();
            long begin = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                handle.start(i);
            }
            db.awaitCompleted(runs, Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - begin) / 1e9;
            engine.stop();
            long steps = (long) runs * STEPS;
            double statements = counting.statements.sum() / (double) steps;
            double commits = counting.commits.sum() / (double) steps;
            return String.format("| %d runs × %d steps, %d workers (starts and execution overlap) | %.0f steps/s, %.0f runs/s;"
                    + " %.2f round trips per step (%.2f statements + %.2f explicit COMMITs; starts, claims, steps,"
                    + " completions and heartbeats all counted) |", runs, STEPS, settings.concurrency(),
                    steps / seconds, runs / seconds, statements + commits, statements, commits);
        }
    }

    private static String latency(CountingDataSource counting, BenchDatabase db, EngineSettings settings, int runs) {
        Map<String, Long> firstStepAt = new ConcurrentHashMap<>();
        FlowDefinition<Integer, Integer> one = FlowDefinition.builder("one-step", Integer.class, Integer.class)
                .body((ctx, n) -> ctx.step("only", Integer.class, s -> {
                    firstStepAt.putIfAbsent(s.runId(), System.nanoTime());
                    return n;
                })).build();
        try (JpaFlowStore store = JpaFlowStore.create(counting.dataSource(), FlowClock.SYSTEM)) {
            Engine engine = Engine.builder().store(store).settings(settings).flow(one).build();
            engine.start();
            FlowHandle<Integer, Integer> handle = engine.flow(one);
            warmUp(handle);
            long[] toFirstStep = new long[runs];
            long[] toResult = new long[runs];
            for (int i = 0; i < runs; i++) {
                long begin = System.nanoTime();
                String id = handle.start(i);
                handle.result(id, Duration.ofMinutes(1));
                toResult[i] = System.nanoTime() - begin;
                toFirstStep[i] = firstStepAt.get(id) - begin;
            }
            engine.stop();
            return String.format("| start → first step, %d sequential runs (same instance) | %s |%n"
                    + "| start → result, same runs | %s |", runs, Percentiles.of(toFirstStep),
                    Percentiles.of(toResult));
        }
    }

    /**
     * Signal → resume: each run waits for a signal; once it waits (its run row says so), the signal is sent and the
     * time until the step after the wait runs is measured. With a poll interval of a second, only the wake-up that
     * follows the delivery can explain short times.
     */
    private static String signalLatency(CountingDataSource counting, BenchDatabase db, EngineSettings settings,
            int runs) throws InterruptedException {
        Map<String, Long> resumedAt = new ConcurrentHashMap<>();
        FlowDefinition<Integer, Integer> waits = FlowDefinition.builder("waits", Integer.class, Integer.class)
                .signal("go", Integer.class)
                .body((ctx, n) -> {
                    int go = ctx.signal("go", Integer.class);
                    return ctx.step("after", Integer.class, s -> {
                        resumedAt.putIfAbsent(s.runId(), System.nanoTime());
                        return n + go;
                    });
                }).build();
        try (JpaFlowStore store = JpaFlowStore.create(counting.dataSource(), FlowClock.SYSTEM)) {
            Engine engine = Engine.builder().store(store).settings(settings).flow(waits).build();
            engine.start();
            FlowHandle<Integer, Integer> handle = engine.flow(waits);
            long[] toResume = new long[runs];
            long[] toResult = new long[runs];
            for (int i = 0; i < runs; i++) {
                String id = handle.start(i);
                while (handle.status(id).status() != RunStatus.AWAITING_SIGNAL) {
                    TimeUnit.MILLISECONDS.sleep(1); // outside the measured time
                }
                long begin = System.nanoTime();
                engine.signal(id, "go", 1);
                handle.result(id, Duration.ofMinutes(1));
                toResult[i] = System.nanoTime() - begin;
                toResume[i] = resumedAt.get(id) - begin;
            }
            engine.stop();
            return String.format("| signal → resume (the step after the wait), %d sequential runs | %s |%n"
                    + "| signal → result, same runs | %s |", runs, Percentiles.of(toResume), Percentiles.of(toResult));
        }
    }

    private static void warmUp(FlowHandle<Integer, Integer> handle) {
        for (int i = 0; i < 50; i++) {
            handle.result(handle.start(-i), Duration.ofMinutes(1));
        }
    }
}
