package io.iterativeflow.rest.internal;

import io.iterativeflow.api.RetryResult;

/**
 * The answer of {@code POST /runs/{id}/retry}: {@code retried} (the failed run is ready again) or {@code not_failed}
 * (nothing changed), with the run's status.
 */
public record RetryView(String runId, String retry, String status) {

    /** The view of {@code Retried} and {@code NotFailed}; {@code NotFound} is answered as a 404 error. */
    public static RetryView of(RetryResult result, String statusNow) {
        if (result instanceof RetryResult.NotFailed notFailed) {
            return new RetryView(notFailed.runId(), "not_failed", notFailed.status().dbName());
        }
        if (result instanceof RetryResult.NotFound) {
            throw new IllegalArgumentException("an unknown run is answered as an error, not as a retry");
        }
        return new RetryView(result.runId(), "retried", statusNow);
    }
}
