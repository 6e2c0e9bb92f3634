package io.iterativeflow.core.engine;

import io.iterativeflow.api.CancellationToken;
import io.iterativeflow.api.TransactionalStepScope;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.Supplier;

/** What a running transactional step sees: a step's scope plus the transaction's guarded connection. */
record TransactionalScope(String runId, String stepName, String cursorKey, int attempt,
        CancellationToken cancellation, Connection connection, Supplier<Optional<String>> caller)
        implements TransactionalStepScope {

    @Override
    public Optional<String> startedBy() {
        return caller.get();
    }
}
