package io.iterativeflow.bench;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.jpa.JpaFlowStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Whether the hot path stays flat as history grows: the latency of a claim and of a step record, measured one call at a
 * time through the store, with the runs table holding first the smaller and then the larger number of finished runs
 * (each with a recorded step and its events, as a finished run leaves them). Prints a table and the ratio of the
 * larger table's p50 to the smaller's.
 */
final class HistoryScaling {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final int WARM_UP = 200;

    private final BenchServer server;
    private final List<Integer> sizes;
    private final int samples;

    HistoryScaling(BenchServer server) {
        this.server = server;
        this.sizes = parseSizes(System.getProperty("historySizes", "10000,1000000"));
        this.samples = Integer.getInteger("historySamples", 1000);
        if (samples < 1) {
            throw new IllegalArgumentException("-DhistorySamples must be at least 1, not " + samples);
        }
    }

    void run() {
        List<double[]> figures = new ArrayList<>();
        try (BenchDatabase db = new BenchDatabase(server, 2)) {
            int filled = 0;
            for (int size : sizes) {
                fill(db, filled, size);
                filled = size;
                figures.add(measure(db));
                System.out.printf("%,d finished runs: claim p50 %.2f ms, step record p50 %.2f ms%n", size,
                        figures.get(figures.size() - 1)[0], figures.get(figures.size() - 1)[2]);
            }
        }
        System.out.println();
        System.out.println("| finished runs in the table | claim p50 (ms) | claim p95 (ms) | step record p50 (ms)"
                + " | step record p95 (ms) |");
        System.out.println("|---|---|---|---|---|");
        for (int i = 0; i < sizes.size(); i++) {
            double[] f = figures.get(i);
            System.out.printf("| %,d | %.2f | %.2f | %.2f | %.2f |%n", sizes.get(i), f[0], f[1], f[2], f[3]);
        }
        double[] first = figures.get(0);
        double[] last = figures.get(figures.size() - 1);
        System.out.printf("%nclaim p50 ratio (%,d ÷ %,d): %.2f×; step record p50 ratio: %.2f×%n",
                sizes.get(sizes.size() - 1), sizes.get(0), last[0] / first[0], last[2] / first[2]);
    }

    /** Adds finished runs until the table holds {@code size}: each completed, with one step and three events. */
    private static void fill(BenchDatabase db, int from, int size) {
        int batch = 100_000;
        try (Connection c = db.pool().getConnection(); Statement s = c.createStatement()) {
            for (int done = from; done < size; done += batch) {
                int n = Math.min(batch, size - done);
                s.execute("""
                        WITH r AS (
                            INSERT INTO workflow.runs (id, flow_name, flow_version, status, input, output, attempts,
                                                       available_at, created_at, updated_at, finished_at)
                            SELECT gen_random_uuid(), 'history', 1, 'completed', '1', '2', 1,
                                   now() - interval '1 day', now() - interval '1 day', now() - interval '1 day',
                                   now() - interval '1 day'
                            FROM generate_series(1, %d)
                            RETURNING id, created_at
                        ), st AS (
                            INSERT INTO workflow.steps (run_id, cursor_key, name, kind, status, attempts, result,
                                                        position, created_at, finished_at)
                            SELECT id, 'step', 'step', 'step', 'completed', 1, '2', 0, created_at, created_at FROM r
                        )
                        INSERT INTO workflow.events (run_id, type, attempt, cursor_key, at)
                        SELECT id, t.type, 1, NULL, created_at
                        FROM r CROSS JOIN (VALUES ('created'), ('claimed'), ('completed')) AS t (type)
                        """.formatted(n));
            }
            s.execute("VACUUM ANALYZE workflow.runs");
            s.execute("VACUUM ANALYZE workflow.steps");
            s.execute("VACUUM ANALYZE workflow.events");
        } catch (SQLException e) {
            throw new IllegalStateException("filling the history failed: " + e.getMessage(), e);
        }
    }

    /** {claim p50, claim p95, record p50, record p95} in milliseconds over {@code samples} runs, after a warm-up. */
    private double[] measure(BenchDatabase db) {
        long[] claims = new long[samples];
        long[] records = new long[samples];
        try (JpaFlowStore store = JpaFlowStore.builder(db.pool()).clock(FlowClock.SYSTEM).migrate(false).build()) {
            for (int i = -WARM_UP; i < samples; i++) {
                store.createRun(new NewRun(UUID.randomUUID(), "probe", 1, "1", Optional.empty(), Set.of(), 0,
                        Duration.ZERO));
                long begin = System.nanoTime();
                ClaimedRun run = store.claim("bench", 1, LEASE).get(0);
                long claimed = System.nanoTime();
                store.recordStep(run.fence(), new StepCompletion("step", "step", "step", 1, "2", 0));
                long recorded = System.nanoTime();
                store.complete(run.fence(), "2");
                if (i >= 0) {
                    claims[i] = claimed - begin;
                    records[i] = recorded - claimed;
                }
            }
        }
        Percentiles claim = Percentiles.of(claims);
        Percentiles record = Percentiles.of(records);
        return new double[] {claim.p50(), claim.p95(), record.p50(), record.p95()};
    }

    private static List<Integer> parseSizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            int size = Integer.parseInt(part.trim());
            if (size < 0 || (!sizes.isEmpty() && size <= sizes.get(sizes.size() - 1))) {
                throw new IllegalArgumentException("-DhistorySizes must be increasing and not negative: " + text);
            }
            sizes.add(size);
        }
        if (sizes.size() < 2) {
            throw new IllegalArgumentException("-DhistorySizes needs at least two sizes: " + text);
        }
        return sizes;
    }
}
