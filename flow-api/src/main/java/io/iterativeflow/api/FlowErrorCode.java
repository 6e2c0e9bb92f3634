package io.iterativeflow.api;

/** Every failure the engine reports carries one of these codes. Codes are stable; messages may improve. */
public enum FlowErrorCode {
    /** A step threw and has no retries left, or its failure was permanent. */
    STEP_FAILED,
    /** A step ran longer than its timeout. */
    STEP_TIMEOUT,
    /** A step was cancelled (timeout, run canceled, lease lost) and noticed through its token. */
    STEP_CANCELED,
    /** A step's serialized result exceeds {@code flow.limits.max-step-result-bytes}. */
    STEP_RESULT_TOO_LARGE,
    /** A durable operation (step, sleep, signal) was called from inside a step. */
    STEP_INVALID_AWAIT,
    SIGNAL_PAYLOAD_INVALID,
    /** A flow's wait for a signal passed its timeout; not retried. */
    SIGNAL_TIMEOUT,
    /** No flow with that name (and version) is deployed. */
    FLOW_UNKNOWN,
    /** A flow definition is invalid (bad name or version, duplicate, wrong scope). */
    FLOW_INVALID,
    /** A flow body threw outside of any step. */
    FLOW_FAILED,
    /** The input is invalid or cannot be serialized. */
    INPUT_INVALID,
    /** The serialized input exceeds {@code flow.limits.max-input-bytes}. */
    INPUT_TOO_LARGE,
    /** An argument to a public method is invalid (null, blank, negative, too long). */
    ARGUMENT_INVALID,
    /** A value cannot be converted to or from JSON. */
    SERIALIZATION_FAILED,
    RUN_NOT_FOUND,
    RUN_CANCELED,
    RUN_ATTEMPTS_EXHAUSTED,
    /** {@code result(...)} or {@code wait(...)} waited for its whole timeout and the run is not there yet. */
    RESULT_TIMEOUT,
    INVOKE_DEPTH_EXCEEDED,
    INVOKE_FANOUT_EXCEEDED,
    REPLAY_NON_DETERMINISTIC,
    REPLAY_INCOMPATIBLE_VERSION,
    /** The database schema is missing or at another version than this engine needs. */
    SCHEMA_MISMATCH,
    /** A configuration value is invalid. */
    CONFIG_INVALID,
    /** The database could not be reached or refused the statement. */
    STORE_UNAVAILABLE,
    /** The engine is not running (not started yet, or shut down). */
    ENGINE_STOPPED,
    /** The caller is not allowed to do this (the REST module's role check); sign in with the configured role. */
    ACCESS_DENIED,
    /** A signal's serialized payload exceeds {@code flow.limits.max-signal-payload-bytes}; nothing was stored. */
    SIGNAL_PAYLOAD_TOO_LARGE,
    /** {@code wait(...)} waited for something the run can no longer do: it ended without it. */
    WAIT_UNSATISFIABLE,
    /**
     * The caller's JTA transaction cannot take the engine's writes: it is marked for rollback or ending, or no JTA
     * data source is configured to join it.
     */
    TRANSACTION_INVALID,
    /** A builder flow's loop did its maximum number of iterations without meeting its condition; not retried. */
    LOOP_LIMIT_EXCEEDED
}
