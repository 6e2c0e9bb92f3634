package io.iterativeflow.core.engine;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.FlowTracer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's calls of its {@link FlowTracer}, each guarded: a tracer that throws costs the trace, never the run.
 * Called only when tracing is on (the callers check for a null tracer or span first).
 */
final class Traces {

    private static final Logger LOG = Logger.getLogger(Traces.class.getName());
    /** The first failure of the tracer is a warning (a broken setup shows); later ones are logged at FINE. */
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private Traces() {
    }

    private static final String FAILED = "the tracer failed (the run goes on, untraced where it failed): it ";

    private static Level level() {
        return WARNED.compareAndSet(false, true) ? Level.WARNING : Level.FINE;
    }

    /** The caller's context for a run it starts now, or null. */
    static String currentContext(FlowTracer tracer) {
        if (tracer == null) {
            return null;
        }
        try {
            return tracer.currentContext();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(level(), FAILED + "could not read the caller's trace context", e);
            return null;
        }
    }

    static FlowTracer.AttemptSpan attemptStarted(FlowTracer tracer, ClaimedRun run) {
        try {
            return tracer.attemptStarted(run.flowName(), run.flowVersion(), run.runId().toString(), run.attempt(),
                    run.traceParent());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(level(), FAILED + "could not open the span of attempt " + run.attempt() + " of run "
                    + run.runId(), e);
            return null;
        }
    }

    static void attemptEnded(FlowTracer.AttemptSpan span, String outcome, Attempt attempt, Throwable crash) {
        try {
            if (crash != null) {
                span.ended(outcome, null, null, crash);
            } else {
                span.ended(outcome, attempt.failureCode(), attempt.failureMessage(), attempt.failureCause());
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(level(), FAILED + "could not end the span of an attempt", e);
        }
    }

    /** The context of the attempt's span, stored with a child run it starts; null when not traced. */
    static String context(FlowTracer.AttemptSpan span) {
        if (span == null) {
            return null;
        }
        try {
            return span.context();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(level(), FAILED + "could not read the attempt's trace context", e);
            return null;
        }
    }

    static FlowTracer.StepSpan stepStarted(FlowTracer.AttemptSpan span, String name, String key, int tries) {
        try {
            return span.stepStarted(name, key, tries);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(level(), FAILED + "could not open the span of step '" + key + "'", e);
            return null;
        }
    }

    static void stepEnded(FlowTracer.StepSpan span, String outcome, Throwable error) {
        try {
            span.ended(outcome, error);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(level(), FAILED + "could not end the span of a step", e);
        }
    }
}
