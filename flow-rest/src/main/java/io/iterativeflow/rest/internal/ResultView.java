package io.iterativeflow.rest.internal;

import jakarta.json.JsonValue;

import io.iterativeflow.api.RunInfo;

/**
 * The answer of {@code GET /runs/{id}/result}: the run's status, and its output once completed or its error once
 * failed or canceled. {@code terminal} is false when the wait ended before the run did.
 */
public record ResultView(String runId, String status, boolean terminal, JsonValue output, RunView.Failure error) {

    public static ResultView of(RunInfo run) {
        return new ResultView(run.runId(), run.status().dbName(), run.status().isTerminal(),
                JsonText.of(run.outputJson()), RunView.failure(run));
    }
}
