package io.iterativeflow.api;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How a step is retried and bounded. Immutable: every {@code with...} returns a copy.
 *
 * <pre>{@code
 * StepOptions.defaults().withRetries(5).withBackoff(Backoff.exponential(ofSeconds(1), ofMinutes(1)))
 *     .withTimeout(ofSeconds(30)).withPermanentWhen(e -> e instanceof IllegalArgumentException)
 * }</pre>
 */
public final class StepOptions {

    private static final Predicate<Throwable> NEVER = t -> false;
    private static final StepOptions DEFAULTS = new StepOptions(0, Backoff.defaultBackoff(), null, NEVER);

    private final int retries;
    private final Backoff backoff;
    private final Duration timeout;
    private final Predicate<Throwable> permanentWhen;

    private StepOptions(int retries, Backoff backoff, Duration timeout, Predicate<Throwable> permanentWhen) {
        this.retries = retries;
        this.backoff = backoff;
        this.timeout = timeout;
        this.permanentWhen = permanentWhen;
    }

    /** No retries, default back-off, the engine's default step timeout. */
    public static StepOptions defaults() {
        return DEFAULTS;
    }

    /** How many times a failed step is tried again (0 = never). */
    public StepOptions withRetries(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
        }
        return new StepOptions(retries, backoff, timeout, permanentWhen);
    }

    public StepOptions withBackoff(Backoff backoff) {
        if (backoff == null) {
            throw new IllegalArgumentException("backoff must not be null: use Backoff.fixed(Duration.ZERO) for none");
        }
        return new StepOptions(retries, backoff, timeout, permanentWhen);
    }

    /** A hard limit for one try: the step is cancelled and interrupted, and the try fails even if it ignores both. */
    public StepOptions withTimeout(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("step timeout must be a positive duration, got " + timeout);
        }
        return new StepOptions(retries, backoff, timeout, permanentWhen);
    }

    /** Failures matching {@code predicate} are not retried. {@link PermanentFailureException} never is. */
    public StepOptions withPermanentWhen(Predicate<Throwable> predicate) {
        if (predicate == null) {
            throw new IllegalArgumentException("permanentWhen predicate must not be null");
        }
        return new StepOptions(retries, backoff, timeout, predicate);
    }

    public int retries() {
        return retries;
    }

    public Backoff backoff() {
        return backoff;
    }

    /** Empty means the engine's default step timeout applies. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** Whether {@code failure} must not be retried. */
    public boolean isPermanent(Throwable failure) {
        return failure instanceof PermanentFailureException || permanentWhen.test(failure);
    }
}
