package io.iterativeflow.bench;

/** The flow the benchmark runs on DBOS: a workflow of {@code steps} steps. */
public interface DbosFlows {

    int run(int input, int steps);
}
