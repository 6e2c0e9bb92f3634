package io.iterativeflow.core.engine;

import io.iterativeflow.api.CancellationToken;
import io.iterativeflow.api.TransactionalStepScope;
import java.sql.Connection;

/** What a running transactional step sees: a step's scope plus the transaction's guarded connection. */
record TransactionalScope(String runId, String stepName, String cursorKey, int attempt,
        CancellationToken cancellation, Connection connection) implements TransactionalStepScope {
}
