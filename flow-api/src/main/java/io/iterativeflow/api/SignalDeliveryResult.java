package io.iterativeflow.api;

import java.util.List;

/**
 * What became of a signal sent with {@link FlowEngine#signal}. Every kind but {@link InvalidPayload} is final for
 * the run: nothing is written for {@link Duplicate}, {@link Expired} and {@link InvalidPayload}.
 */
public sealed interface SignalDeliveryResult {

    /** The run waited for this signal; it is stored and the run is ready to go on. */
    record Delivered() implements SignalDeliveryResult {
    }

    /** The run does not wait for this signal yet; it is stored and handed to the flow's next wait for its name. */
    record Buffered() implements SignalDeliveryResult {
    }

    /** A signal with the same delivery id was already accepted for this run and name; nothing was stored. */
    record Duplicate() implements SignalDeliveryResult {
    }

    /**
     * Too late: the run is finished (completed, failed, canceled), or its last wait for this name timed out and it
     * does not wait for the name again. Nothing was stored.
     */
    record Expired(String reason) implements SignalDeliveryResult {
    }

    /**
     * The payload does not fit the type the flow declares for this signal ({@link FlowSignal}), breaks its Bean
     * Validation constraints, or cannot be written as JSON. Nothing was stored.
     *
     * @param issues one text per problem, such as {@code "amount: must be greater than 0"}
     */
    record InvalidPayload(List<String> issues) implements SignalDeliveryResult {

        public InvalidPayload {
            issues = List.copyOf(issues);
        }
    }
}
