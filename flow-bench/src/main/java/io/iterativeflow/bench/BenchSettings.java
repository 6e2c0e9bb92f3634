package io.iterativeflow.bench;

import java.time.Duration;
import java.util.List;

/**
 * The benchmark's sizes, from system properties: {@code runs} (2000) runs per throughput case, {@code concurrency} (16)
 * engine workers and db-scheduler threads, {@code callers} (16) threads looping start → result, {@code latencyRuns}
 * (300) sequential runs per latency case, {@code drainRuns} (50000) queued runs per drain, {@code rounds} (3) rounds
 * of the comparison, {@code pollInterval} (PT1S), {@code statsSettle} (PT11S: how long an instance idles after
 * its warm-up so that every session has reported its counts before the measured part; PT0S counts start-up and
 * warm-up too, for quick runs) and {@code suite} ({@code all}, {@code engine}, {@code peers} or {@code history}; {@code all} runs the first
 * two).
 */
record BenchSettings(int runs, int concurrency, int callers, int latencyRuns, int drainRuns, int rounds,
        Duration pollInterval, Duration statsSettle, String suite) {

    static BenchSettings fromSystemProperties() {
        BenchSettings settings = new BenchSettings(positive("runs", 2000), positive("concurrency", 16),
                positive("callers", 16), positive("latencyRuns", 300), positive("drainRuns", 50_000),
                positive("rounds", 3), Duration.parse(System.getProperty("pollInterval", "PT1S")),
                Duration.parse(System.getProperty("statsSettle", "PT11S")), System.getProperty("suite", "all"));
        if (!List.of("all", "engine", "peers", "history").contains(settings.suite)) {
            throw new IllegalArgumentException("-Dsuite must be all, engine, peers or history, not "
                    + settings.suite);
        }
        return settings;
    }

    boolean engineSuite() {
        return suite.equals("all") || suite.equals("engine");
    }

    boolean peerSuite() {
        return suite.equals("all") || suite.equals("peers");
    }

    boolean historySuite() {
        return suite.equals("history");
    }

    /** Connections of the engine's (and db-scheduler's) pool: one per worker, plus half the callers, at least 4. */
    int enginePoolSize() {
        return concurrency + Math.max(4, callers / 2);
    }

    private static int positive(String name, int fallback) {
        int value = Integer.getInteger(name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException("-D" + name + " must be at least 1, not " + value);
        }
        return value;
    }
}
