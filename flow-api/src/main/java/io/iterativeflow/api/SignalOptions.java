package io.iterativeflow.api;

import java.time.Duration;
import java.util.Optional;

/**
 * How a flow waits for a signal. Without a timeout the run waits until the signal arrives or the run is canceled;
 * with one, {@code ctx.signal(...)} throws a {@link FlowException} with {@code SIGNAL_TIMEOUT} once the timeout has
 * passed without a signal. The timeout is a durable timer: it counts from the first time the flow reached the wait
 * and does not start over when the run is replayed.
 *
 * @param timeout how long to wait, positive; empty waits for ever
 */
public record SignalOptions(Optional<Duration> timeout) {

    private static final SignalOptions NONE = new SignalOptions(Optional.empty());

    public SignalOptions {
        if (timeout == null) {
            throw new IllegalArgumentException("signal timeout must not be null: use Optional.empty() to wait for"
                    + " ever");
        }
        timeout.ifPresent(SignalOptions::checkPositive);
    }

    /** Waits without a timeout. */
    public static SignalOptions none() {
        return NONE;
    }

    /** Waits at most {@code timeout}, a positive duration. */
    public static SignalOptions timeout(Duration timeout) {
        return new SignalOptions(Optional.ofNullable(checkPositive(timeout)));
    }

    private static Duration checkPositive(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("signal timeout must be a positive duration, got " + timeout);
        }
        return timeout;
    }
}
