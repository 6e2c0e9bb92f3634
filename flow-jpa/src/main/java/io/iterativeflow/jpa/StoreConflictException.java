package io.iterativeflow.jpa;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import java.util.Optional;

/**
 * A write collided with a unique key (PostgreSQL SQLState 23505) that the store does not resolve itself, such as a
 * run id that already exists. Idempotency keys and recorded steps never raise it: those conflicts are resolved in
 * SQL and reported through the return value.
 */
public final class StoreConflictException extends FlowException {

    private static final long serialVersionUID = 1L;

    private final String constraint;

    public StoreConflictException(String message, String constraint, Throwable cause) {
        super(FlowErrorCode.ARGUMENT_INVALID, message, cause);
        this.constraint = constraint;
    }

    /** The violated constraint or unique index, such as {@code runs_pkey}, when PostgreSQL named it. */
    public Optional<String> constraint() {
        return Optional.ofNullable(constraint);
    }
}
