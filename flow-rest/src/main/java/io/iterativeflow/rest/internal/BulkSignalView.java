package io.iterativeflow.rest.internal;

import java.util.List;

import io.iterativeflow.api.RunSignalResult;
import io.iterativeflow.api.SignalDeliveryResult;

/**
 * The answer of {@code POST /runs/signals}: one result per run, in the order of the request's {@code runIds}. A
 * result's {@code delivery} is {@code delivered}, {@code buffered}, {@code duplicate}, {@code expired} (with the
 * {@code reason}), {@code invalid_payload} (with the {@code issues}) or {@code not_found}.
 */
public record BulkSignalView(String signal, List<Result> results) {

    /** What became of the signal for one run. */
    public record Result(String runId, String delivery, String reason, List<String> issues) {
    }

    public static BulkSignalView of(String signal, List<RunSignalResult> results) {
        return new BulkSignalView(signal, results.stream().map(BulkSignalView::result).toList());
    }

    private static Result result(RunSignalResult result) {
        if (result.delivery().isEmpty()) {
            return new Result(result.runId(), "not_found", null, null);
        }
        SignalDeliveryResult delivery = result.delivery().get();
        if (delivery instanceof SignalDeliveryResult.InvalidPayload invalid) {
            return new Result(result.runId(), "invalid_payload", null, invalid.issues());
        }
        SignalView view = SignalView.of(result.runId(), "", delivery);
        return new Result(result.runId(), view.delivery(), view.reason(), null);
    }
}
