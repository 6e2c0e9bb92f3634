package io.iterativeflow.examples.hello.api;

import io.iterativeflow.api.FlowException;

/** The JSON of every error answer: the engine's error code, what to do about it, and the run when there is one. */
public record ErrorBody(String code, String message, String runId) {

    /** The exception's code and message (without the {@code [CODE]} prefix the message starts with). */
    static ErrorBody of(FlowException e, String runId) {
        String prefix = "[" + e.code() + "] ";
        String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        return new ErrorBody(e.code().name(), message, runId);
    }
}
