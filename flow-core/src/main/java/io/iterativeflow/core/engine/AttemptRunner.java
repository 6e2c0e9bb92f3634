package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.json.StorableText;
import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.FlowTracer;
import io.iterativeflow.core.spi.RunState;
import io.iterativeflow.core.spi.WriteOutcome;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs one claimed attempt from the top of the flow body to its end: complete, fail, suspend or abort. */
final class AttemptRunner {

    private static final Logger LOG = Logger.getLogger(AttemptRunner.class.getName());

    private final EngineParts parts;

    AttemptRunner(EngineParts parts) {
        this.parts = parts;
    }

    void run(ClaimedRun run) {
        Attempt attempt = new Attempt(run.fence(), Thread.currentThread())
                .startedByFrom(() -> parts.store().state(run.runId()).flatMap(RunState::startedBy));
        parts.inFlight().add(attempt);
        FlowTracer.AttemptSpan span = parts.tracer() == null ? null : Traces.attemptStarted(parts.tracer(), run);
        boolean unexpectedEnd = false;
        String outcome = FlowTracer.CRASHED;
        Throwable crash = null;
        try {
            outcome = execute(run, attempt, span);
        } catch (RuntimeException | Error unexpected) {
            unexpectedEnd = true;
            crash = unexpected;
            LOG.log(Level.WARNING, "attempt " + run.attempt() + " of run " + run.runId() + " ended unexpectedly; the"
                    + " run will be retried when its lease expires", unexpected);
        } finally {
            if (span != null) {
                Traces.attemptEnded(span, attempt.isAborted() ? FlowTracer.ABORTED : outcome, attempt, crash);
            }
            parts.inFlight().remove(attempt);
            attempt.detach();
            if (unexpectedEnd || attempt.isAborted()) {
                // the run may have ended elsewhere while this attempt ran (its notification was left to us)
                parts.completions().fire(run.runId());
            }
        }
    }

    /** Runs the attempt; returns how it ended, one of {@link FlowTracer}'s outcomes. */
    private String execute(ClaimedRun run, Attempt attempt, FlowTracer.AttemptSpan span) {
        if (run.uncleanAttempts() > parts.settings().maxRunAttempts()) {
            return finish(run, attempt, FlowErrorCode.RUN_ATTEMPTS_EXHAUSTED, "run " + run.runId() + " had "
                    + (run.uncleanAttempts() - 1) + " attempts end without finishing or suspending (crash, lost"
                    + " lease), the limit set by flow.max-run-attempts; find why in its events, then start it again",
                    null);
        }
        Optional<FlowDefinition<?, ?>> definition = parts.registry().find(run.flowName(), run.flowVersion());
        if (definition.isEmpty()) {
            return finish(run, attempt, FlowErrorCode.FLOW_UNKNOWN, "flow " + run.flowName() + "@"
                    + run.flowVersion() + " is not deployed on this instance; deploy that version to let the run"
                    + " finish", null);
        }
        AttemptWrites writes = new AttemptWrites(parts.store(), parts.clock(), attempt, run.history().size(),
                parts.wakes());
        writes.onChildStarted(child -> RunEvents.started(parts, child));
        StepRunner steps = new StepRunner(run.runId().toString(), attempt, writes, parts.stepInvoker(),
                parts.codec(), parts.settings().defaultStepTimeout(),
                parts.settings().limits().maxStepResultBytes(),
                (step, key, tries, took, outcome) -> RunEvents.stepFinished(parts, run, step, key, tries, took,
                        outcome), span);
        ChildInvoker children = new ChildInvoker(run.runId().toString(), writes, parts.codec(), parts.settings(),
                parts.inputCheck(), span);
        ReplayContext ctx = new ReplayContext(run, writes, steps, children, parts.registry(),
                new SignalWait(run.runId().toString(), writes, parts.codec()));
        try {
            Object output = invoke(definition.get(), ctx, parts.codec().fromJson(run.inputJson(),
                    definition.get().inputType().type()));
            if (attempt.isAborted() || writes.suspended()) {
                return ended(attempt, writes);
            }
            ctx.guard().checkReturned();
            String json = parts.codec().toJson(output);
            if (StorableText.jsonHasNul(json)) {
                return finish(run, attempt, FlowErrorCode.SERIALIZATION_FAILED, "the output of run " + run.runId()
                        + " contains a NUL character (U+0000), which the database cannot store; remove it from the"
                        + " output (or encode the value, e.g. as Base64)", null);
            }
            if (settled(run, parts.store().complete(run.fence(), json),
                    new RunState(RunStatus.COMPLETED, run.flowName(), run.flowVersion(), json, null, null))) {
                RunEvents.completed(parts, run);
                return FlowTracer.COMPLETED;
            }
            return FlowTracer.ABORTED;
        } catch (Suspended | Aborted ended) {
            return ended(attempt, writes);
        } catch (FlowException e) {
            if (attempt.isAborted() || writes.suspended() || e.code() == FlowErrorCode.STORE_UNAVAILABLE) {
                if (e.code() == FlowErrorCode.STORE_UNAVAILABLE) {
                    parts.outage().failed(LOG, "run " + run.runId() + ": database unavailable; retried later", e);
                    return FlowTracer.CRASHED;
                }
                return ended(attempt, writes);
            }
            FlowException reported = ctx.guard().drift() != null ? ctx.guard().drift() : e;
            return finish(run, attempt, reported.code(), reported.getMessage(), e);
        } catch (Exception | LinkageError | AssertionError e) {
            if (attempt.isAborted() || writes.suspended()) {
                return ended(attempt, writes);
            }
            DriftException drift = ctx.guard().drift();
            if (drift == null) {
                LOG.log(Level.INFO, e, () -> "the body of run " + run.runId() + " threw outside of any step");
            }
            return finish(run, attempt, drift != null ? drift.code() : FlowErrorCode.FLOW_FAILED,
                    drift != null ? drift.getMessage()
                            : "the flow body threw outside of any step: " + ErrorText.of(e), e);
        } finally {
            if (writes.suspended() && !attempt.isAborted()) {
                RunEvents.suspended(parts, run, writes.suspendedAt(), writes.waitingFor());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object invoke(FlowDefinition<?, ?> definition, ReplayContext ctx, Object input)
            throws Exception {
        FlowBody<Object, Object> body = (FlowBody<Object, Object>) PipelineBody.of(definition);
        return body.run(ctx, input);
    }

    /** How an attempt that neither completed nor failed the run ended. */
    private static String ended(Attempt attempt, AttemptWrites writes) {
        return writes.suspended() && !attempt.isAborted() ? FlowTracer.SUSPENDED : FlowTracer.ABORTED;
    }

    /** Fails the run; {@code cause} is what the body threw, or null. Returns the attempt's outcome. */
    private String finish(ClaimedRun run, Attempt attempt, FlowErrorCode code, String message, Throwable cause) {
        if (attempt.isAborted()) {
            return FlowTracer.ABORTED;
        }
        String storable = ErrorText.storable(message);
        attempt.failedWith(code.name(), storable, cause);
        if (settled(run, parts.store().fail(run.fence(), code.name(), storable),
                new RunState(RunStatus.FAILED, run.flowName(), run.flowVersion(), null, code.name(), storable))) {
            RunEvents.failed(parts, run, code);
            return FlowTracer.FAILED;
        }
        return FlowTracer.ABORTED;
    }

    /** When the final state is committed, local waiters get it as it was written (no read of the run). */
    private boolean settled(ClaimedRun run, WriteOutcome outcome, RunState written) {
        if (outcome == WriteOutcome.WRITTEN) {
            parts.completions().ended(run.runId(), written);
            return true;
        }
        parts.completions().fire(run.runId());
        return false;
    }
}
