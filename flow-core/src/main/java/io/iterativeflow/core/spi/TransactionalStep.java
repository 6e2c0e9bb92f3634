package io.iterativeflow.core.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * One try of a transactional step: cursor key, name, which try it is ({@code attempts}) and its position in the
 * attempt's history, recorded (kind {@code step}) when its work returns. {@code timeout} bounds every statement of
 * the transaction (PostgreSQL's {@code statement_timeout}); empty means no bound.
 */
public record TransactionalStep(String cursorKey, String name, int attempts, int position,
        Optional<Duration> timeout) {
}
