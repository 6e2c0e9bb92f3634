package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;

/** Replay drift found by {@link ReplayGuard}: fails the run at once, never retried. */
final class DriftException extends FlowException {

    private static final long serialVersionUID = 1L;

    DriftException(FlowErrorCode code, String message, String runId) {
        super(code, message, runId, null);
    }
}
