package io.iterativeflow.jpa;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.NewRun;
import java.time.Duration;

/** Argument checks at the store's entry: a bad call fails before any SQL runs. */
final class Checks {

    private Checks() {
    }

    static void notNull(String name, Object value) {
        if (value == null) {
            throw invalid(name + " must not be null");
        }
    }

    static void owner(String owner) {
        if (owner == null || owner.isBlank()) {
            throw invalid("owner must not be blank");
        }
    }

    static void fence(Fence fence) {
        notNull("fence", fence);
        notNull("fence.runId", fence.runId());
        owner(fence.owner());
    }

    static void positive(String name, int value) {
        if (value <= 0) {
            throw invalid(name + " must be positive, was " + value);
        }
    }

    static void positive(String name, Duration value) {
        notNegative(name, value);
        if (value.isZero()) {
            throw invalid(name + " must be a positive duration, was " + value);
        }
    }

    static void notNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw invalid(name + " must be a duration of zero or more, was " + value);
        }
    }

    static void newRun(NewRun run) {
        notNull("run", run);
        notNull("run.id", run.id());
        notNull("run.flowName", run.flowName());
        notNull("run.idempotencyKey", run.idempotencyKey());
        notNull("run.tags", run.tags());
        notNegative("run.delay", run.delay());
    }

    private static FlowException invalid(String message) {
        return new FlowException(FlowErrorCode.ARGUMENT_INVALID, message);
    }
}
