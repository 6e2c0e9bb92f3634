package io.iterativeflow.cdi.internal;

import io.iterativeflow.core.spi.FlowTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.regex.Pattern;

/**
 * The engine's tracer on the OpenTelemetry API (MicroProfile Telemetry). An attempt's span is a child of the context
 * stored with its run; a step's span is a child of its attempt's span; each is current on its thread while it is
 * open, so spans the application opens inside a step nest under it. Loaded only after the API was found.
 */
final class OtelFlowTracer implements FlowTracer {

    /** The instrumentation scope name of the spans. */
    static final String SCOPE = "io.iterativeflow";

    static final AttributeKey<String> FLOW = AttributeKey.stringKey("iterativeflow.flow");
    static final AttributeKey<Long> FLOW_VERSION = AttributeKey.longKey("iterativeflow.flow.version");
    static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("iterativeflow.run.id");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("iterativeflow.attempt");
    static final AttributeKey<String> STEP = AttributeKey.stringKey("iterativeflow.step");
    static final AttributeKey<String> CURSOR_KEY = AttributeKey.stringKey("iterativeflow.step.cursor_key");
    static final AttributeKey<Long> TRY = AttributeKey.longKey("iterativeflow.step.try");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("iterativeflow.outcome");
    static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("iterativeflow.error.code");

    /** A W3C traceparent of version 00: version, trace id, parent id, flags. */
    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private final Tracer tracer;

    OtelFlowTracer(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public String currentContext() {
        return traceParent(Span.current().getSpanContext());
    }

    @Override
    public AttemptSpan attemptStarted(String flowName, int flowVersion, String runId, int attempt,
            String traceParent) {
        SpanBuilder builder = tracer.spanBuilder("flow " + flowName).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(FLOW, flowName)
                .setAttribute(FLOW_VERSION, (long) flowVersion)
                .setAttribute(RUN_ID, runId)
                .setAttribute(ATTEMPT, (long) attempt);
        // never the worker thread's current context: the run's stored context, or a trace of its own
        builder.setParent(parent(traceParent));
        Span span = builder.startSpan();
        Context context = Context.root().with(span);
        return new Attempt(span, context, context.makeCurrent(), flowName, flowVersion, runId, attempt);
    }

    /** The traceparent of {@code context}, or null when it is not valid (no span, or a no-op one). */
    static String traceParent(SpanContext context) {
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The context whose span {@code traceParent} names; the root context when it is null or not understood. */
    static Context parent(String traceParent) {
        if (traceParent == null || !TRACEPARENT.matcher(traceParent).matches()) {
            return Context.root();
        }
        SpanContext remote = SpanContext.createFromRemoteParent(traceParent.substring(3, 35),
                traceParent.substring(36, 52), TraceFlags.fromHex(traceParent, 53), TraceState.getDefault());
        return remote.isValid() ? Context.root().with(Span.wrap(remote)) : Context.root();
    }

    private static void fail(Span span, String description, Throwable error) {
        if (error != null) {
            span.recordException(error);
        }
        span.setStatus(StatusCode.ERROR, description != null ? description
                : error != null && error.getMessage() != null ? error.getMessage() : "");
    }

    private final class Attempt implements AttemptSpan {

        private final Span span;
        private final Context context;
        private final Scope scope;
        private final String flowName;
        private final int flowVersion;
        private final String runId;
        private final int attempt;

        Attempt(Span span, Context context, Scope scope, String flowName, int flowVersion, String runId,
                int attempt) {
            this.span = span;
            this.context = context;
            this.scope = scope;
            this.flowName = flowName;
            this.flowVersion = flowVersion;
            this.runId = runId;
            this.attempt = attempt;
        }

        @Override
        public String context() {
            return traceParent(span.getSpanContext());
        }

        @Override
        public StepSpan stepStarted(String stepName, String cursorKey, int tryNumber) {
            Span step = tracer.spanBuilder("step " + stepName).setSpanKind(SpanKind.INTERNAL).setParent(context)
                    .setAttribute(STEP, stepName)
                    .setAttribute(CURSOR_KEY, cursorKey)
                    .setAttribute(TRY, (long) tryNumber)
                    .setAttribute(FLOW, flowName)
                    .setAttribute(FLOW_VERSION, (long) flowVersion)
                    .setAttribute(RUN_ID, runId)
                    .setAttribute(ATTEMPT, (long) attempt)
                    .startSpan();
            return new Step(step, context.with(step).makeCurrent());
        }

        @Override
        public void ended(String outcome, String errorCode, String errorMessage, Throwable error) {
            try {
                span.setAttribute(OUTCOME, outcome);
                if (errorCode != null) {
                    span.setAttribute(ERROR_CODE, errorCode);
                }
                if (FAILED.equals(outcome) || CRASHED.equals(outcome)) {
                    fail(span, errorCode != null ? errorCode + ": " + errorMessage : null, error);
                }
            } finally {
                scope.close();
                span.end();
            }
        }
    }

    private static final class Step implements StepSpan {

        private final Span span;
        private final Scope scope;

        Step(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        @Override
        public void ended(String outcome, Throwable error) {
            try {
                span.setAttribute(OUTCOME, outcome);
                if (error != null) {
                    fail(span, null, error);
                }
            } finally {
                scope.close();
                span.end();
            }
        }
    }
}
