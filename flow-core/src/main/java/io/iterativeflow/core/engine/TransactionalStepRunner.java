package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.api.TransactionalStepFunction;
import io.iterativeflow.api.TypeRef;
import io.iterativeflow.core.json.JsonCodec;
import io.iterativeflow.core.json.JsonSize;
import io.iterativeflow.core.json.StorableText;
import io.iterativeflow.core.spi.FlowTracer;
import io.iterativeflow.core.spi.HistoryEntry;
import io.iterativeflow.core.spi.RecordedStep;
import io.iterativeflow.core.spi.StepWorkFailed;
import io.iterativeflow.core.spi.TransactionalWork;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides what one {@code ctx.transactionalStep(...)} does. A new try runs on the body's thread inside a transaction
 * of the store, which records the result in that same transaction; a try that throws, exceeds its timeout or outlives
 * its attempt is rolled back with everything it wrote, then retried or failed like any step.
 */
final class TransactionalStepRunner {

    /** PostgreSQL's {@code query_canceled}: a statement ran into {@code statement_timeout}. */
    private static final String QUERY_CANCELED = "57014";

    private final StepRunner steps;
    private final String runId;
    private final Attempt attempt;
    private final AttemptWrites writes;
    private final JsonCodec codec;
    private final Optional<Duration> defaultTimeout;
    private final long maxResultBytes;

    TransactionalStepRunner(StepRunner steps, String runId, Attempt attempt, AttemptWrites writes, JsonCodec codec,
            Optional<Duration> defaultTimeout, long maxResultBytes) {
        this.steps = steps;
        this.runId = runId;
        this.attempt = attempt;
        this.writes = writes;
        this.codec = codec;
        this.defaultTimeout = defaultTimeout;
        this.maxResultBytes = maxResultBytes;
    }

    @SuppressWarnings("unchecked")
    <T> T run(String name, String key, TypeRef<T> type, StepOptions options, TransactionalStepFunction<T> fn,
            HistoryEntry recorded) {
        if (recorded != null && recorded.completed()) {
            return (T) codec.fromJson(recorded.resultJson(), type.type());
        }
        if (recorded != null && "failed".equals(recorded.status())) {
            throw steps.failedForGood(key, recorded.attempts(), StepRunner.codeOf(recorded.errorCode()),
                    recorded.errorMessage(), null);
        }
        int tries = recorded == null ? 1 : recorded.attempts() + 1;
        Optional<Duration> timeout = options.timeout().or(() -> defaultTimeout);
        Try<T> work = new Try<>(name, key, tries, fn, timeout);
        FlowTracer.StepSpan span = steps.span() == null ? null : Traces.stepStarted(steps.span(), name, key, tries);
        RecordedStep stored;
        try {
            stored = writes.runTransactional(key, name, tries, timeout, work);
        } catch (StepWorkFailed e) {
            if (span != null) {
                Traces.stepEnded(span, attempt.isAborted() ? FlowTracer.ABORTED : failedOutcome(options, tries,
                        e.getCause()), e.getCause());
            }
            attempt.checkLive();
            return failed(name, key, options, tries, e.getCause(), timeout);
        } catch (RuntimeException | Error ended) {
            if (span != null) {
                Traces.stepEnded(span, FlowTracer.ABORTED, ended instanceof Aborted ? null : ended);
            }
            throw ended;
        }
        if (span != null) {
            Traces.stepEnded(span, FlowTracer.COMPLETED, null);
        }
        return stored.resultJson().equals(work.json) ? work.value
                : (T) codec.fromJson(stored.resultJson(), type.type());
    }

    /** The outcome of a failed try, as its span tells it. */
    private static String failedOutcome(StepOptions options, int tries, Throwable cause) {
        if (cause instanceof ResultTooLarge || cause instanceof ResultWithNul) {
            return FlowTracer.FAILED;
        }
        StepOutcome outcome = cause instanceof TimedOut || queryCanceled(cause)
                ? StepOutcome.timeout(cause) : StepOutcome.failed(cause);
        return StepRunner.willRetry(options, tries, outcome) ? FlowTracer.RETRYING : FlowTracer.FAILED;
    }

    private <T> T failed(String name, String key, StepOptions options, int tries, Throwable cause,
            Optional<Duration> timeout) {
        if (cause instanceof ResultTooLarge tooLarge) {
            throw steps.tooLarge(name, key, tries, tooLarge.bytes);
        }
        if (cause instanceof ResultWithNul) {
            throw steps.unstorable(name, key, tries);
        }
        if (cause instanceof Error error && !(error instanceof LinkageError || error instanceof AssertionError)) {
            throw error;
        }
        if (cause instanceof TimedOut || queryCanceled(cause)) {
            return steps.failed(name, key, options, tries, StepOutcome.timeout(new FlowException(
                    FlowErrorCode.STEP_TIMEOUT, "transactional step '" + key + "' did not finish within "
                    + timeout.map(Duration::toString).orElse("its timeout") + " and was rolled back; raise its"
                    + " timeout or make it faster", cause)));
        }
        return steps.failed(name, key, options, tries, StepOutcome.failed(cause));
    }

    private static boolean queryCanceled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** One try: runs the step's function on the guarded connection and turns its value into the JSON to record. */
    private final class Try<T> implements TransactionalWork {

        private final String name;
        private final String key;
        private final int tries;
        private final TransactionalStepFunction<T> fn;
        private final Optional<Duration> timeout;
        private T value;
        private String json;

        Try(String name, String key, int tries, TransactionalStepFunction<T> fn, Optional<Duration> timeout) {
            this.name = name;
            this.key = key;
            this.tries = tries;
            this.fn = fn;
            this.timeout = timeout;
        }

        @Override
        public String run(java.sql.Connection connection) throws Exception {
            long started = System.nanoTime();
            try (GuardedConnection guarded = new GuardedConnection(connection)) {
                value = fn.apply(new TransactionalScope(runId, name, key, tries, attempt.token(),
                        guarded.connection(), attempt::startedBy));
            }
            attempt.checkLive();
            if (timeout.isPresent() && System.nanoTime() - started > timeout.get().toNanos()) {
                throw new TimedOut();
            }
            json = codec.toJson(value);
            long bytes = JsonSize.utf8Bytes(json);
            if (bytes > maxResultBytes) {
                throw new ResultTooLarge(bytes);
            }
            if (StorableText.jsonHasNul(json)) {
                throw new ResultWithNul();
            }
            return json;
        }
    }

    /** The try ran past its timeout without a statement being cut; it is rolled back. */
    private static final class TimedOut extends Exception {
        private static final long serialVersionUID = 1L;

        TimedOut() {
            super("ran past its timeout", null, false, false);
        }
    }

    /** The result holds a NUL character, which the database cannot store; rolled back, the step fails for good. */
    private static final class ResultWithNul extends Exception {
        private static final long serialVersionUID = 1L;

        ResultWithNul() {
            super("result with a NUL character", null, false, false);
        }
    }

    /** The result is larger than allowed; the try is rolled back and the step fails for good. */
    private static final class ResultTooLarge extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient long bytes;

        ResultTooLarge(long bytes) {
            super("result of " + bytes + " bytes", null, false, false);
            this.bytes = bytes;
        }
    }
}
