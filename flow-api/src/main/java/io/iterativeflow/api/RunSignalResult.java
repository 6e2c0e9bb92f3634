package io.iterativeflow.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer for one run of {@link FlowEngine#signalAll}: what became of the signal for that run, or no delivery
 * when there is no run with that id (it never existed or retention removed it). Nothing was written for such a run.
 */
public record RunSignalResult(String runId, Optional<SignalDeliveryResult> delivery) {

    public RunSignalResult {
        Objects.requireNonNull(runId, "runId");
        delivery = delivery == null ? Optional.empty() : delivery;
    }

    /** True when there is no run with this id. */
    public boolean notFound() {
        return delivery.isEmpty();
    }
}
