package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.StepFailedException;
import io.iterativeflow.api.StepFunction;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.api.TypeRef;
import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.json.JsonCodec;
import io.iterativeflow.core.json.JsonSize;
import io.iterativeflow.core.json.StorableText;
import io.iterativeflow.core.spi.FlowTracer;
import io.iterativeflow.core.spi.HistoryEntry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides what one {@code ctx.step(...)} does: return the recorded value, re-throw the recorded failure, or run the
 * next try and record its outcome (result, retry with back-off, or failure for good).
 */
final class StepRunner {

    private static final Logger LOG = Logger.getLogger(StepRunner.class.getName());

    private final String runId;
    private final Attempt attempt;
    private final AttemptWrites writes;
    private final StepInvoker invoker;
    private final JsonCodec codec;
    private final Optional<Duration> defaultTimeout;
    private final long maxResultBytes;
    private final StepObserver observer;
    private final FlowTracer.AttemptSpan span;

    /** Hears of every try of a step that ran. */
    @FunctionalInterface
    interface StepObserver {
        void tried(String stepName, String cursorKey, int tryNumber, Duration took, StepOutcome outcome);
    }

    StepRunner(String runId, Attempt attempt, AttemptWrites writes, StepInvoker invoker, JsonCodec codec,
            Optional<Duration> defaultTimeout, long maxResultBytes, StepObserver observer,
            FlowTracer.AttemptSpan span) {
        this.observer = observer;
        this.span = span;
        this.runId = runId;
        this.attempt = attempt;
        this.writes = writes;
        this.invoker = invoker;
        this.codec = codec;
        this.defaultTimeout = defaultTimeout;
        this.maxResultBytes = maxResultBytes;
    }

    /** The caller principal that started the run (see {@link Attempt#startedBy()}). */
    java.util.Optional<String> startedBy() {
        return attempt.startedBy();
    }

    /** The runner of {@code ctx.transactionalStep(...)} in this attempt. */
    TransactionalStepRunner transactional() {
        return new TransactionalStepRunner(this, runId, attempt, writes, codec, defaultTimeout, maxResultBytes);
    }

    @SuppressWarnings("unchecked")
    <T> T run(String name, String key, TypeRef<T> type, StepOptions options, StepFunction<T> fn,
            HistoryEntry recorded) {
        if (recorded != null && recorded.completed()) {
            return (T) codec.fromJson(recorded.resultJson(), type.type());
        }
        if (recorded != null && "failed".equals(recorded.status())) {
            throw failedForGood(key, recorded.attempts(), codeOf(recorded.errorCode()), recorded.errorMessage(), null);
        }
        int tries = recorded == null ? 1 : recorded.attempts() + 1;
        Scope scope = new Scope(runId, name, key, tries, attempt.token(), attempt::startedBy);
        FlowTracer.StepSpan stepSpan = span == null ? null : Traces.stepStarted(span, name, key, tries);
        long started = System.nanoTime();
        StepOutcome outcome;
        try {
            outcome = invoker.invoke(fn, scope, attempt.token(), options.timeout().or(() -> defaultTimeout),
                    attempt);
        } catch (RuntimeException | Error ended) {
            if (stepSpan != null) {
                Traces.stepEnded(stepSpan, FlowTracer.ABORTED, ended instanceof Aborted ? null : ended);
            }
            throw ended;
        }
        if (stepSpan != null) {
            Traces.stepEnded(stepSpan, attempt.isAborted() ? FlowTracer.ABORTED : spanOutcome(options, tries,
                    outcome), outcome.failure());
        }
        observer.tried(name, key, tries, Duration.ofNanos(System.nanoTime() - started), outcome);
        attempt.checkLive();
        if (outcome.succeeded()) {
            String json = codec.toJson(outcome.value());
            long bytes = JsonSize.utf8Bytes(json);
            if (bytes > maxResultBytes) {
                throw tooLarge(name, key, tries, bytes);
            }
            if (StorableText.jsonHasNul(json)) {
                throw unstorable(name, key, tries);
            }
            String stored = writes.recordCompletion(key, name, "step", tries, json);
            return stored.equals(json) ? (T) outcome.value() : (T) codec.fromJson(stored, type.type());
        }
        return failed(name, key, options, tries, outcome);
    }

    /** Records a failed try: a retry (ends the attempt) or a failure for good (thrown to the body). */
    <T> T failed(String name, String key, StepOptions options, int tries, StepOutcome outcome) {
        Throwable failure = outcome.failure();
        FlowErrorCode code = codeOf(outcome);
        String message = ErrorText.of(failure);
        if (willRetry(options, tries, outcome)) {
            Duration delay = options.backoff().delay(tries, ThreadLocalRandom.current());
            LOG.log(Level.FINE, failure, () -> "step '" + key + "' of run " + runId + " failed on try " + tries
                    + "; retrying in " + delay);
            writes.recordRetry(key, name, tries, code.name(), message, delay);
        }
        LOG.log(Level.INFO, failure, () -> "step '" + key + "' of run " + runId + " failed for good on try " + tries);
        writes.recordFailure(key, name, tries, code.name(), message);
        throw failedForGood(key, tries, code, message, failure);
    }

    /** Whether a failed try is followed by another: not for a permanent failure, nor past the step's retries. */
    static boolean willRetry(StepOptions options, int tries, StepOutcome outcome) {
        boolean misuse = codeOf(outcome) == FlowErrorCode.STEP_INVALID_AWAIT;
        boolean permanent = misuse || (!outcome.timedOut() && options.isPermanent(outcome.failure()));
        return !permanent && tries <= options.retries();
    }

    /** The outcome of a try, as its span tells it. */
    static String spanOutcome(StepOptions options, int tries, StepOutcome outcome) {
        if (outcome.succeeded()) {
            return FlowTracer.COMPLETED;
        }
        return willRetry(options, tries, outcome) ? FlowTracer.RETRYING : FlowTracer.FAILED;
    }

    /** The span of this attempt, or null when it is not traced. */
    FlowTracer.AttemptSpan span() {
        return span;
    }

    /** An oversized result is a permanent failure: the same code would produce it again, so no retry. */
    StepFailedException tooLarge(String name, String key, int tries, long bytes) {
        String message = JsonSize.tooLarge("the result of step '" + key + "'", bytes, maxResultBytes,
                EngineSettings.PREFIX + "limits.max-step-result-bytes");
        FlowErrorCode code = FlowErrorCode.STEP_RESULT_TOO_LARGE;
        writes.recordFailure(key, name, tries, code.name(), message);
        return failedForGood(key, tries, code, message, null);
    }

    /**
     * A result holding a NUL character is a permanent failure: the database refuses it on every try, and so would
     * take it for an outage and run the step again and again.
     */
    StepFailedException unstorable(String name, String key, int tries) {
        String message = "the result of step '" + key + "' contains a NUL character (U+0000), which the database"
                + " cannot store; remove it from the result (or encode the value, e.g. as Base64)";
        FlowErrorCode code = FlowErrorCode.SERIALIZATION_FAILED;
        writes.recordFailure(key, name, tries, code.name(), message);
        return failedForGood(key, tries, code, message, null);
    }

    StepFailedException failedForGood(String key, int tries, FlowErrorCode code, String message,
            Throwable cause) {
        return new StepFailedException(code, runId, key, tries, "step '" + key + "' failed after " + tries
                + (tries == 1 ? " try" : " tries") + ": " + message, cause);
    }

    /** The code a failed try of a step ends with. */
    static FlowErrorCode codeOf(StepOutcome outcome) {
        if (outcome.timedOut()) {
            return FlowErrorCode.STEP_TIMEOUT;
        }
        return outcome.failure() instanceof FlowException fe && fe.code() == FlowErrorCode.STEP_INVALID_AWAIT
                ? FlowErrorCode.STEP_INVALID_AWAIT : FlowErrorCode.STEP_FAILED;
    }

    static FlowErrorCode codeOf(String stored) {
        return ErrorCodes.parse(stored, FlowErrorCode.STEP_FAILED);
    }
}
