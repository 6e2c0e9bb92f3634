package io.iterativeflow.bench;

/** One figure of the comparison table: its case, what it measures, and whether more of it is better. */
enum Figure {
    TEN_STEP_RATE("10-step flow, callers loop start → result", "steps/s", true, "%,.0f"),
    TEN_STEP_P50("10-step flow, callers loop start → result", "start → result p50 (ms)", false, "%.1f"),
    TEN_STEP_COMMITS("10-step flow, callers loop start → result", "commits per step", false, "%.2f"),
    TEN_STEP_WAL("10-step flow, callers loop start → result", "WAL bytes per step", false, "%,.0f"),
    TEN_STEP_CPU("10-step flow, callers loop start → result", "JVM CPU per step (µs)", false, "%,.0f"),
    ONE_STEP_RATE("1-step flow, callers loop start → result", "runs/s", true, "%,.0f"),
    ONE_STEP_P50("1-step flow, callers loop start → result", "start → result p50 (ms)", false, "%.1f"),
    ONE_STEP_COMMITS("1-step flow, callers loop start → result", "commits per run", false, "%.2f"),
    ONE_STEP_WAL("1-step flow, callers loop start → result", "WAL bytes per run", false, "%,.0f"),
    ONE_STEP_CPU("1-step flow, callers loop start → result", "JVM CPU per run (µs)", false, "%,.0f"),
    ONE_CALLER_P50("1-step flow, 1 caller", "start → result p50 (ms)", false, "%.2f"),
    DRAIN_RATE("drain of queued 1-step runs", "runs (executions)/s", true, "%,.0f"),
    DRAIN_COMMITS("drain of queued 1-step runs", "commits per run", false, "%.2f"),
    DRAIN_WAL("drain of queued 1-step runs", "WAL bytes per run", false, "%,.0f"),
    DRAIN_CPU("drain of queued 1-step runs", "JVM CPU per run (µs)", false, "%,.0f");

    final String scenario;
    final String measure;
    final boolean higherIsBetter;
    final String format;

    Figure(String scenario, String measure, boolean higherIsBetter, String format) {
        this.scenario = scenario;
        this.measure = measure;
        this.higherIsBetter = higherIsBetter;
        this.format = format;
    }
}
