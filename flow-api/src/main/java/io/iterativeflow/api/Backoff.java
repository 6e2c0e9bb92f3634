package io.iterativeflow.api;

import java.time.Duration;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * How long to wait before the next try of a failed step. {@code retry} counts from 1 (the wait after the first
 * failure). Every delay is capped; a custom function's result is checked when it is used.
 */
public final class Backoff {

    private enum Kind { EXPONENTIAL, LINEAR, FIXED, CUSTOM }

    private final Kind kind;
    private final Duration base;
    private final Duration cap;
    private final IntFunction<Duration> custom;

    private Backoff(Kind kind, Duration base, Duration cap, IntFunction<Duration> custom) {
        this.kind = kind;
        this.base = base;
        this.cap = cap;
        this.custom = custom;
    }

    /** {@code base * 2^(retry-1)}, at most {@code cap}. */
    public static Backoff exponential(Duration base, Duration cap) {
        return new Backoff(Kind.EXPONENTIAL, positive("base", base), capOf(base, cap), null);
    }

    /** {@code base * retry}, at most {@code cap}. */
    public static Backoff linear(Duration base, Duration cap) {
        return new Backoff(Kind.LINEAR, positive("base", base), capOf(base, cap), null);
    }

    /** The same delay before every retry; zero retries at once. */
    public static Backoff fixed(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("backoff delay must not be negative, got " + delay);
        }
        return new Backoff(Kind.FIXED, delay, delay, null);
    }

    /** A function of the retry number; negative or null results fail the step with a clear error. */
    public static Backoff custom(IntFunction<Duration> delayForRetry) {
        if (delayForRetry == null) {
            throw new IllegalArgumentException("custom backoff function must not be null");
        }
        return new Backoff(Kind.CUSTOM, Duration.ZERO, null, delayForRetry);
    }

    /** The default: exponential from 1 second, capped at 5 minutes. */
    public static Backoff defaultBackoff() {
        return exponential(Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    /** The delay before retry number {@code retry} (1-based). */
    public Duration delay(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        return switch (kind) {
            case FIXED -> base;
            case LINEAR -> min(multiply(base, retry), cap);
            case EXPONENTIAL -> min(multiply(base, retry >= 63 ? Long.MAX_VALUE : 1L << (retry - 1)), cap);
            case CUSTOM -> {
                Duration d = custom.apply(retry);
                if (d == null || d.isNegative()) {
                    throw new IllegalStateException("custom backoff returned " + d + " for retry " + retry
                            + "; it must return a duration of zero or more");
                }
                yield d;
            }
        };
    }

    private static Duration multiply(Duration base, long factor) {
        try {
            return base.multipliedBy(factor);
        } catch (ArithmeticException overflow) {
            return Duration.ofSeconds(Long.MAX_VALUE);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration positive(String what, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("backoff " + what + " must be a positive duration, got " + d);
        }
        return d;
    }

    private static Duration capOf(Duration base, Duration cap) {
        positive("cap", cap);
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff cap " + cap + " must not be below its base " + base);
        }
        return cap;
    }

    @Override
    public String toString() {
        return kind == Kind.CUSTOM ? "Backoff[custom]" : "Backoff[" + kind.name().toLowerCase() + " " + base + " cap " + cap + "]";
    }
}
