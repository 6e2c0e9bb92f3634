package io.iterativeflow.core.engine;

import io.iterativeflow.api.CancellationToken;
import io.iterativeflow.api.StepScope;

/** What a running step sees. */
record Scope(String runId, String stepName, String cursorKey, int attempt, CancellationToken cancellation)
        implements StepScope {
}
