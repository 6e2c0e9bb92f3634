package io.iterativeflow.core.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * The record a transactional step's try writes when its work returns: cursor key, name, which try it is, its
 * position in the attempt's history. {@code timeout} bounds every statement of the transaction (PostgreSQL's
 * {@code statement_timeout}); empty means no bound.
 */
public record TransactionalStep(String cursorKey, String name, int attempts, int position,
        Optional<Duration> timeout) {

    /** The completion to record once the work returned {@code resultJson}. */
    public StepCompletion completion(String resultJson) {
        return new StepCompletion(cursorKey, name, "step", attempts, resultJson, position);
    }
}
