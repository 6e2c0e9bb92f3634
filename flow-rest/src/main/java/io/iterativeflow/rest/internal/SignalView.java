package io.iterativeflow.rest.internal;

import io.iterativeflow.api.SignalDeliveryResult;

/**
 * The answer of {@code POST /runs/{id}/signals/{name}}: what became of the signal ({@code delivered},
 * {@code buffered}, {@code duplicate} or {@code expired}), and why it expired.
 */
public record SignalView(String runId, String signal, String delivery, String reason) {

    /** The view of every result but {@code InvalidPayload}, which is answered as an error. */
    public static SignalView of(String runId, String signal, SignalDeliveryResult result) {
        if (result instanceof SignalDeliveryResult.Expired expired) {
            return new SignalView(runId, signal, "expired", expired.reason());
        }
        if (result instanceof SignalDeliveryResult.InvalidPayload) {
            throw new IllegalArgumentException("an invalid payload is answered as an error, not as a delivery");
        }
        String kind = result instanceof SignalDeliveryResult.Delivered ? "delivered"
                : result instanceof SignalDeliveryResult.Buffered ? "buffered" : "duplicate";
        return new SignalView(runId, signal, kind, null);
    }
}
