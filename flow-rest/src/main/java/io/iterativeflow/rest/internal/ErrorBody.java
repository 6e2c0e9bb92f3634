package io.iterativeflow.rest.internal;

import java.util.List;

/**
 * The body of every error answer: a {@link io.iterativeflow.api.FlowErrorCode} name, a message that says what to do,
 * the run concerned when there is one, and the single problems of a rejected payload.
 */
public record ErrorBody(String code, String message, String runId, List<String> issues) {

    public ErrorBody {
        issues = issues == null ? List.of() : List.copyOf(issues);
    }
}
