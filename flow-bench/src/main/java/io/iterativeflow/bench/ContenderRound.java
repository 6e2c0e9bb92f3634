package io.iterativeflow.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * One round of one contender on a fresh database: every workload it supports, each on an instance launched for it.
 * Commits and WAL are counted from the end of the warm-up (after the instance idled long enough for every session to
 * report its counts) until the instance has shut down and all its sessions have ended; the drain's own progress
 * queries are subtracted from its commits.
 */
final class ContenderRound {

    private static final int WARM_UP = 20;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);

    private record CallerCase(int steps, Figure rate, Figure p50, Figure commits, Figure wal, Figure cpu) {
    }

    private static final CallerCase TEN_STEPS = new CallerCase(10, Figure.TEN_STEP_RATE, Figure.TEN_STEP_P50,
            Figure.TEN_STEP_COMMITS, Figure.TEN_STEP_WAL, Figure.TEN_STEP_CPU);
    private static final CallerCase ONE_STEP = new CallerCase(1, Figure.ONE_STEP_RATE, Figure.ONE_STEP_P50,
            Figure.ONE_STEP_COMMITS, Figure.ONE_STEP_WAL, Figure.ONE_STEP_CPU);

    private final BenchServer server;
    private final BenchSettings settings;

    ContenderRound(BenchServer server, BenchSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    Map<Figure, Double> run(Contender contender) {
        Map<Figure, Double> figures = new EnumMap<>(Figure.class);
        contender.prepare(server);
        callers(contender, TEN_STEPS, figures);
        callers(contender, ONE_STEP, figures);
        oneCaller(contender, figures);
        contender.queue().ifPresent(queue -> drain(contender.database(), queue, figures));
        return figures;
    }

    private void callers(Contender contender, CallerCase of, Map<Figure, Double> figures) {
        Optional<FlowSession> launched = contender.launch(server, of.steps);
        if (launched.isEmpty()) {
            return;
        }
        CallerLoad load;
        DbCounters before;
        long cpu;
        try (FlowSession session = launched.get()) {
            warmUp(session);
            settle();
            before = server.countersNow(contender.database());
            long cpuBefore = JvmCpu.nanos();
            load = CallerLoad.run(session, settings.callers(), settings.runs());
            cpu = JvmCpu.nanos() - cpuBefore;
        }
        DbCounters used = server.countersAfterSessionsEnd(contender.database()).minus(before);
        double steps = (double) settings.runs() * of.steps;
        figures.put(of.rate, (double) settings.runs() * of.steps / load.seconds());
        figures.put(of.p50, load.p50Millis());
        figures.put(of.commits, used.commits() / steps);
        figures.put(of.wal, used.walBytes() / steps);
        figures.put(of.cpu, cpu / 1_000.0 / steps);
    }

    private void oneCaller(Contender contender, Map<Figure, Double> figures) {
        Optional<FlowSession> launched = contender.launch(server, 1);
        if (launched.isEmpty()) {
            return;
        }
        long[] latencies = new long[settings.latencyRuns()];
        try (FlowSession session = launched.get()) {
            warmUp(session);
            for (int i = 0; i < latencies.length; i++) {
                long begin = System.nanoTime();
                session.startAndAwait(i);
                latencies[i] = System.nanoTime() - begin;
            }
        }
        figures.put(Figure.ONE_CALLER_P50, Percentiles.of(latencies).p50());
    }

    private void drain(String database, QueueDrain queue, Map<Figure, Double> figures) {
        int runs = settings.drainRuns();
        queue.fill(server, runs);
        server.countersAfterSessionsEnd(database);
        DbCounters before;
        long polls;
        double seconds;
        long cpu;
        try (Connection watch = server.connect(database); Statement s = watch.createStatement();
                QueueDrain.Workers workers = queue.workers(server)) {
            settle();
            before = server.countersNow(database);
            long begin = System.nanoTime();
            long cpuBefore = JvmCpu.nanos();
            workers.start();
            polls = awaitNoneUnfinished(s, queue.unfinishedQuery());
            seconds = (System.nanoTime() - begin) / 1e9;
            cpu = JvmCpu.nanos() - cpuBefore;
        } catch (SQLException e) {
            throw new IllegalStateException("watching the drain failed: " + e.getMessage(), e);
        }
        DbCounters used = server.countersAfterSessionsEnd(database).minus(before);
        figures.put(Figure.DRAIN_RATE, runs / seconds);
        figures.put(Figure.DRAIN_COMMITS, (used.commits() - polls) / (double) runs);
        figures.put(Figure.DRAIN_WAL, used.walBytes() / (double) runs);
        figures.put(Figure.DRAIN_CPU, cpu / 1_000.0 / runs);
    }

    /** Polls until the queue is empty and returns how many queries (each one transaction) that took. */
    private static long awaitNoneUnfinished(Statement s, String query) throws SQLException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        for (long polls = 1; System.nanoTime() < deadline; polls++) {
            try (ResultSet rs = s.executeQuery(query)) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return polls;
                }
            }
            LockSupport.parkNanos(10_000_000L);
        }
        throw new IllegalStateException("the queue was not drained within " + DRAIN_TIMEOUT);
    }

    private void settle() {
        try {
            Thread.sleep(settings.statsSettle().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void warmUp(FlowSession session) {
        for (int i = 0; i < WARM_UP; i++) {
            session.startAndAwait(-1 - i);
        }
    }
}
