package io.iterativeflow.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.EngineBuilder;
import io.iterativeflow.core.spi.FlowTracer;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.TestClock;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's OpenTelemetry tracer on the SDK with an in-memory exporter, on a real database: the context stored at
 * the start, spans for attempts and steps, their parents across a sleep, a retry and a child, errors on the spans,
 * and an exporter that fails costs no run.
 */
@DatabaseTest
class RunsAreTracedTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final EngineSettings FAST = EngineSettings.defaults()
            .withConcurrency(4)
            .withPollInterval(Duration.ofMillis(50))
            .withLeaseDuration(Duration.ofSeconds(2))
            .withReconcileInterval(Duration.ofMillis(100))
            .withDefaultStepTimeout(Optional.empty())
            .withShutdownTimeout(Duration.ofSeconds(2));

    private final DataSource dataSource;
    private final TestClock clock = new TestClock();
    private final JpaFlowStore store;
    private final Spans spans = new Spans();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    private Engine engine;

    RunsAreTracedTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.store = JpaFlowStore.create(dataSource, clock);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.halt();
        }
        store.close();
        provider.close();
    }

    private static final FlowDefinition<String, String> LEAF = FlowDefinition
            .builder("traced-leaf", String.class, String.class)
            .body((ctx, in) -> ctx.step("shout", String.class, s -> in.toUpperCase()))
            .build();

    private static final AtomicInteger CHARGES = new AtomicInteger();

    private static final FlowDefinition<String, String> ORDER = FlowDefinition
            .builder("traced-order", String.class, String.class)
            .body((ctx, in) -> {
                String reserved = ctx.step("reserve", String.class, s -> "reserved " + in);
                ctx.sleep("cool-off", Duration.ofHours(1));
                String charged = ctx.step("charge", String.class,
                        StepOptions.defaults().withRetries(2).withBackoff(Backoff.fixed(Duration.ZERO)), s -> {
                            if (CHARGES.incrementAndGet() == 1) {
                                throw new IllegalStateException("card declined once");
                            }
                            return "charged";
                        });
                return reserved + ", " + charged + ", " + ctx.invoke(LEAF, in);
            })
            .build();

    private static final FlowDefinition<String, String> BROKEN = FlowDefinition
            .builder("traced-broken", String.class, String.class)
            .body((ctx, in) -> ctx.step("explode", String.class, s -> {
                throw new IllegalArgumentException("no such thing: " + in);
            }))
            .build();

    private Engine start(FlowTracer tracer, FlowDefinition<?, ?>... flows) {
        EngineBuilder builder = Engine.builder().store(store).clock(clock).settings(FAST).instanceId("traced")
                .tracer(tracer);
        for (FlowDefinition<?, ?> flow : flows) {
            builder.flow(flow);
        }
        engine = builder.build();
        engine.start();
        return engine;
    }

    @Test
    void every_attempt_continues_the_starting_request_s_trace_across_a_sleep_a_retry_and_a_child() throws Exception {
        CHARGES.set(0);
        start(new OtelFlowTracer(provider.get(OtelFlowTracer.SCOPE)), ORDER, LEAF);
        Span request = provider.get("test").spanBuilder("POST /orders").startSpan();
        String runId;
        try (Scope ignored = request.makeCurrent()) {
            runId = engine.flow(ORDER).start("book");
        } finally {
            request.end();
        }
        SpanContext started = request.getSpanContext();
        assertThat(traceParentOf(runId)).isEqualTo("00-" + started.getTraceId() + "-" + started.getSpanId() + "-"
                + started.getTraceFlags().asHex());

        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.SLEEPING);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        engine.wake();
        assertThat(engine.flow(ORDER).result(runId, WAIT)).isEqualTo("reserved book, charged, BOOK");
        await().atMost(WAIT).until(() -> spans.named("flow traced-order").stream()
                .anyMatch(s -> "completed".equals(s.getAttributes().get(OtelFlowTracer.OUTCOME))));

        List<SpanData> attempts = spans.named("flow traced-order");
        assertThat(attempts).as("attempts: the first sleeps, the second retries, a third waits for the child, the"
                + " last completes").hasSizeGreaterThanOrEqualTo(3);
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.getTraceId()).isEqualTo(started.getTraceId());
            assertThat(attempt.getParentSpanId()).as("the stored context is every attempt's parent")
                    .isEqualTo(started.getSpanId());
            assertThat(attempt.getAttributes().get(OtelFlowTracer.FLOW)).isEqualTo("traced-order");
            assertThat(attempt.getAttributes().get(OtelFlowTracer.FLOW_VERSION)).isEqualTo(1L);
            assertThat(attempt.getAttributes().get(OtelFlowTracer.RUN_ID)).isEqualTo(runId);
        });
        assertThat(attempts).extracting(s -> s.getAttributes().get(OtelFlowTracer.ATTEMPT))
                .doesNotHaveDuplicates();
        assertThat(attempts.get(0).getAttributes().get(OtelFlowTracer.OUTCOME)).isEqualTo("suspended");
        assertThat(attempts.get(0).getAttributes().get(OtelFlowTracer.ATTEMPT)).isEqualTo(1L);

        SpanData reserve = spans.named("step reserve").get(0);
        assertThat(spans.named("step reserve")).as("a recorded step is replayed, not run: one span").hasSize(1);
        assertThat(reserve.getParentSpanId()).isEqualTo(attempts.get(0).getSpanId());
        assertThat(reserve.getAttributes().get(OtelFlowTracer.CURSOR_KEY)).isEqualTo("reserve");
        assertThat(reserve.getAttributes().get(OtelFlowTracer.TRY)).isEqualTo(1L);
        assertThat(reserve.getAttributes().get(OtelFlowTracer.OUTCOME)).isEqualTo("completed");
        assertThat(reserve.getAttributes().get(OtelFlowTracer.RUN_ID)).isEqualTo(runId);

        List<SpanData> charges = spans.named("step charge");
        assertThat(charges).hasSize(2);
        SpanData declined = charges.get(0);
        assertThat(declined.getAttributes().get(OtelFlowTracer.OUTCOME)).isEqualTo("retrying");
        assertThat(declined.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(declined.getEvents()).anySatisfy(event -> {
            assertThat(event.getName()).isEqualTo("exception");
            assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.message")))
                    .isEqualTo("card declined once");
        });
        assertThat(charges.get(1).getAttributes().get(OtelFlowTracer.TRY)).isEqualTo(2L);
        assertThat(charges.get(1).getAttributes().get(OtelFlowTracer.OUTCOME)).isEqualTo("completed");
        assertThat(charges.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(charges).allSatisfy(charge -> assertThat(attempts).extracting(SpanData::getSpanId)
                .contains(charge.getParentSpanId()));

        SpanData child = spans.named("flow traced-leaf").get(0);
        assertThat(child.getTraceId()).isEqualTo(started.getTraceId());
        SpanData invoking = attempts.stream().filter(a -> a.getSpanId().equals(child.getParentSpanId()))
                .findFirst().orElseThrow(() -> new AssertionError("the child's parent is no attempt of its parent"));
        assertThat(invoking.getAttributes().get(OtelFlowTracer.OUTCOME)).isEqualTo("suspended");
        String childRun = child.getAttributes().get(OtelFlowTracer.RUN_ID);
        assertThat(traceParentOf(childRun)).isEqualTo("00-" + started.getTraceId() + "-" + invoking.getSpanId()
                + "-" + invoking.getSpanContext().getTraceFlags().asHex());
        assertThat(spans.named("step shout").get(0).getParentSpanId()).isEqualTo(child.getSpanId());
    }

    private static final FlowDefinition<String, String> WAITER = FlowDefinition
            .builder("traced-waiter", String.class, String.class)
            .body((ctx, in) -> {
                ctx.step("ask", String.class, s -> "asked " + in);
                return ctx.signal("answer", String.class);
            })
            .build();

    @Test
    void an_attempt_on_another_instance_after_a_signal_continues_the_trace() {
        start(new OtelFlowTracer(provider.get(OtelFlowTracer.SCOPE)), WAITER);
        Span request = provider.get("test").spanBuilder("POST /questions").startSpan();
        String runId;
        try (Scope ignored = request.makeCurrent()) {
            runId = engine.flow(WAITER).start("why");
        } finally {
            request.end();
        }
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);
        engine.halt();

        JpaFlowStore otherStore = JpaFlowStore.create(dataSource, clock);
        Engine other = Engine.builder().store(otherStore).clock(clock).settings(FAST).instanceId("other")
                .tracer(new OtelFlowTracer(provider.get(OtelFlowTracer.SCOPE))).flow(WAITER).build();
        try {
            other.start();
            other.signal(runId, "answer", "because");
            assertThat(other.flow(WAITER).result(runId, WAIT)).isEqualTo("because");
            await().atMost(WAIT).until(() -> spans.named("flow traced-waiter").size() == 2);
        } finally {
            other.halt();
            otherStore.close();
        }

        assertThat(spans.named("flow traced-waiter")).allSatisfy(attempt -> {
            assertThat(attempt.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
            assertThat(attempt.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        }).extracting(s -> s.getAttributes().get(OtelFlowTracer.OUTCOME)).containsExactly("suspended", "completed");
        assertThat(spans.named("step ask")).as("the second attempt replays the step: no span").hasSize(1);
    }

    @Test
    void a_failed_run_records_its_error_on_the_attempt_and_step_spans() {
        start(new OtelFlowTracer(provider.get(OtelFlowTracer.SCOPE)), BROKEN);
        String runId = engine.flow(BROKEN).start("widget");
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.FAILED);
        await().atMost(WAIT).until(() -> !spans.named("flow traced-broken").isEmpty());

        SpanData attempt = spans.named("flow traced-broken").get(0);
        assertThat(attempt.getParentSpanId()).as("started outside any trace: a trace of its own")
                .isEqualTo(SpanContext.getInvalid().getSpanId());
        assertThat(attempt.getAttributes().get(OtelFlowTracer.OUTCOME)).isEqualTo("failed");
        assertThat(attempt.getAttributes().get(OtelFlowTracer.ERROR_CODE)).isEqualTo("STEP_FAILED");
        assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attempt.getStatus().getDescription()).startsWith("STEP_FAILED: ")
                .contains("no such thing: widget");
        assertThat(attempt.getEvents()).extracting(e -> e.getName()).contains("exception");

        SpanData step = spans.named("step explode").get(0);
        assertThat(step.getAttributes().get(OtelFlowTracer.OUTCOME)).isEqualTo("failed");
        assertThat(step.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(step.getEvents()).anySatisfy(event -> assertThat(event.getAttributes()
                .get(AttributeKey.stringKey("exception.type"))).isEqualTo(IllegalArgumentException.class.getName()));
    }

    @Test
    void an_exporter_that_fails_costs_the_traces_never_a_run() {
        SdkTracerProvider failing = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new FailingExporter())).build();
        try {
            start(new OtelFlowTracer(failing.get(OtelFlowTracer.SCOPE)), LEAF);
            Span request = failing.get("test").spanBuilder("request").startSpan();
            String runId;
            try (Scope ignored = request.makeCurrent()) {
                runId = engine.flow(LEAF).start("loud");
            } finally {
                request.end();
            }
            assertThat(engine.flow(LEAF).result(runId, WAIT)).isEqualTo("LOUD");
        } finally {
            failing.close();
        }
    }

    @Test
    void without_a_tracer_no_context_is_stored_and_the_no_op_api_gives_no_tracer() throws Exception {
        start(null, LEAF);
        Span request = provider.get("test").spanBuilder("request").startSpan();
        String runId;
        try (Scope ignored = request.makeCurrent()) {
            runId = engine.flow(LEAF).start("quiet");
        } finally {
            request.end();
        }
        assertThat(engine.flow(LEAF).result(runId, WAIT)).isEqualTo("QUIET");
        assertThat(traceParentOf(runId)).isNull();
        assertThat(spans.named("flow traced-leaf")).isEmpty();

        assertThat(Tracing.of(OpenTelemetry.noop())).as("the SDK disabled (otel.sdk.disabled=true)").isEmpty();
        OpenTelemetry enabled = new OpenTelemetry() {
            @Override
            public TracerProvider getTracerProvider() {
                return provider;
            }

            @Override
            public ContextPropagators getPropagators() {
                return ContextPropagators.noop();
            }
        };
        assertThat(Tracing.of(enabled)).as("the SDK enabled").isPresent();
    }

    @Test
    void a_stored_context_that_is_not_a_traceparent_starts_a_trace_of_its_own() {
        assertThat(OtelFlowTracer.parent("garbage")).isEqualTo(io.opentelemetry.context.Context.root());
        assertThat(OtelFlowTracer.parent(null)).isEqualTo(io.opentelemetry.context.Context.root());
        assertThat(Span.fromContext(OtelFlowTracer.parent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
                .getSpanContext().getSpanId()).isEqualTo("b7ad6b7169203331");
    }

    private String traceParentOf(String runId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT trace_parent FROM workflow.runs WHERE id = CAST(? AS UUID)")) {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("run " + runId).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** The spans ended so far, in the order they ended. */
    private static final class Spans implements SpanExporter {

        private final List<SpanData> ended = new CopyOnWriteArrayList<>();

        List<SpanData> named(String name) {
            return ended.stream().filter(s -> s.getName().equals(name)).toList();
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            ended.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    /** An exporter whose backend is never there. */
    private static final class FailingExporter implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofFailure();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
