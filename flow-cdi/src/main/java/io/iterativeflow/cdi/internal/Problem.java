package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;

/** One deployment problem: a stable id and a message that says what to do. */
record Problem(FlowErrorCode code, String id, String message) {

    String text() {
        return id + ": " + message;
    }

    FlowException toException() {
        return new FlowException(code, text());
    }

    FlowException toException(Throwable cause) {
        return new FlowException(code, text(), cause);
    }

    @Override
    public String toString() {
        return text();
    }
}
