package io.iterativeflow.api;

import java.time.Duration;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next try of a failed step. {@code retry} counts from 1 (the wait after the first
 * failure). Every delay is capped; a custom function's result is checked when it is used.
 *
 * <p>Jitter spreads retries out, so runs that failed together do not all retry at the same instant: with jitter
 * {@code j}, the engine waits a random delay between {@code (1 - j)} times the computed delay and the computed delay
 * itself (never longer). Exponential and linear back-off have a jitter of {@value #DEFAULT_JITTER} unless set with
 * {@link #withJitter(double)}; fixed and custom back-off have none.
 */
public final class Backoff {

    /** The jitter of exponential and linear back-off unless set otherwise. */
    public static final double DEFAULT_JITTER = 0.2;

    private enum Kind { EXPONENTIAL, LINEAR, FIXED, CUSTOM }

    private final Kind kind;
    private final Duration base;
    private final Duration cap;
    private final IntFunction<Duration> custom;
    private final double jitter;

    private Backoff(Kind kind, Duration base, Duration cap, IntFunction<Duration> custom, double jitter) {
        this.kind = kind;
        this.base = base;
        this.cap = cap;
        this.custom = custom;
        this.jitter = jitter;
    }

    private Backoff(Kind kind, Duration base, Duration cap, IntFunction<Duration> custom) {
        this(kind, base, cap, custom, kind == Kind.EXPONENTIAL || kind == Kind.LINEAR ? DEFAULT_JITTER : 0);
    }

    /** {@code base * 2^(retry-1)}, at most {@code cap}; jitter {@value #DEFAULT_JITTER}. */
    public static Backoff exponential(Duration base, Duration cap) {
        return new Backoff(Kind.EXPONENTIAL, positive("base", base), capOf(base, cap), null);
    }

    /** {@code base * retry}, at most {@code cap}; jitter {@value #DEFAULT_JITTER}. */
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

    /**
     * This back-off with another jitter: a fraction from 0 (every run waits exactly the computed delay) to 1 (a
     * delay anywhere between zero and the computed one).
     */
    public Backoff withJitter(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("backoff jitter must be between 0 and 1, got " + fraction);
        }
        return new Backoff(kind, base, cap, custom, fraction);
    }

    /** The fraction of each delay that jitter may take off, from 0 to 1. */
    public double jitter() {
        return jitter;
    }

    /**
     * The delay the engine waits before retry number {@code retry}: {@link #delay(int)} shortened by a random part of
     * at most {@link #jitter()} of it, drawn from {@code random}.
     */
    public Duration delay(int retry, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        Duration full = delay(retry);
        if (jitter == 0 || full.isZero()) {
            return full;
        }
        long millis;
        try {
            millis = full.toMillis();
        } catch (ArithmeticException tooLong) {
            return full;
        }
        return full.minusMillis((long) Math.floor(millis * jitter * random.nextDouble()));
    }

    /** The delay before retry number {@code retry} (1-based), without jitter: the longest the engine waits. */
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
        String jittered = jitter == 0 ? "" : " jitter " + jitter;
        return kind == Kind.CUSTOM ? "Backoff[custom" + jittered + "]"
                : "Backoff[" + kind.name().toLowerCase() + " " + base + " cap " + cap + jittered + "]";
    }
}
