package io.iterativeflow.core.engine;

import io.iterativeflow.api.CancellationToken;
import io.iterativeflow.api.StepScope;
import java.util.Optional;
import java.util.function.Supplier;

/** What a running step sees. */
record Scope(String runId, String stepName, String cursorKey, int attempt, CancellationToken cancellation,
        Supplier<Optional<String>> caller) implements StepScope {

    @Override
    public Optional<String> startedBy() {
        return caller.get();
    }
}
