package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.api.SignalSendOptions;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.api.StartRequest;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Text the database cannot keep (a NUL character, a lone surrogate) and a start delay beyond any stored time are the
 * caller's mistakes: the Java API refuses them with the caller's code before anything is written, on PostgreSQL and on
 * H2 alike, instead of failing in the store as if the database were down.
 */
class HostileArgumentsTest extends EngineTestBase {

    /** An input with text inside. */
    public record Order(String id, List<String> notes) {
    }

    private static final FlowDefinition<Order, String> ORDER = FlowDefinition.builder("order", Order.class,
            String.class).body((ctx, in) -> in.id()).build();
    private static final FlowDefinition<String, String> WAITER = FlowDefinition.builder("waiter", String.class,
            String.class).signal("go", String.class).body((ctx, in) -> ctx.signal("go", String.class)).build();
    private static final FlowDefinition<String, Object> UNTYPED = FlowDefinition.builder("untyped", String.class,
            Object.class).body((ctx, in) -> ctx.signal("any", Object.class)).build();

    HostileArgumentsTest(TestDatabase db) {
        super(db);
    }

    @Test
    void an_input_holding_a_nul_character_or_a_lone_surrogate_is_refused_as_invalid_input() {
        FlowHandle<Order, String> orders = fixture.start(ORDER).flow(ORDER);

        expect(FlowErrorCode.INPUT_INVALID, "$.notes[1] holds a NUL character",
                () -> orders.start(new Order("o1", List.of("fine", "bad\0note"))));
        expect(FlowErrorCode.INPUT_INVALID, "$.id holds a lone UTF-16 surrogate",
                () -> orders.start(new Order("o\uD800", List.of())));
        expect(FlowErrorCode.INPUT_INVALID, "request 1 of startAll",
                () -> orders.startAll(List.of(StartRequest.of(new Order("ok", List.of())),
                        StartRequest.of(new Order("\0", List.of())))));

        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs")).isZero();
    }

    @Test
    void start_options_the_store_cannot_keep_are_refused_and_nothing_is_started() {
        FlowHandle<Order, String> orders = fixture.start(ORDER).flow(ORDER);
        Order order = new Order("o1", List.of());

        expect(FlowErrorCode.ARGUMENT_INVALID, "idempotency key holds a NUL character",
                () -> orders.start(order, StartOptions.none().withIdempotencyKey("key\0")));
        expect(FlowErrorCode.ARGUMENT_INVALID, "tag holds a NUL character",
                () -> orders.start(order, StartOptions.none().withTags("ok", "t\0")));
        expect(FlowErrorCode.ARGUMENT_INVALID, "start delay",
                () -> orders.start(order, StartOptions.none().withDelay(Duration.ofDays(999_999_999_999L))));
        expect(FlowErrorCode.ARGUMENT_INVALID, "start delay",
                () -> orders.start(order, StartOptions.none().withDelay(Duration.ofDays(36_501))));

        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs")).isZero();
        String later = orders.start(order, StartOptions.none().withDelay(Duration.ofDays(36_500)));
        assertThat(statusOf(later)).isEqualTo("pending");
    }

    @Test
    void signals_with_a_nul_in_the_name_delivery_id_or_payload_are_refused_and_the_run_still_waits() {
        Engine engine = fixture.start(WAITER, UNTYPED);
        String runId = engine.flow(WAITER).start("x");
        String untyped = engine.flow(UNTYPED).start("y");
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);

        expect(FlowErrorCode.ARGUMENT_INVALID, "signal name holds a NUL character",
                () -> engine.signal(runId, "go\0", "now"));
        expect(FlowErrorCode.ARGUMENT_INVALID, "delivery id holds a NUL character",
                () -> engine.signal(runId, "go", "now", SignalSendOptions.deliveryId("d\0")));
        assertThat(engine.signal(runId, "go", "n\0w")).isInstanceOfSatisfying(
                SignalDeliveryResult.InvalidPayload.class, invalid -> assertThat(invalid.issues().get(0))
                        .contains("payload: the text at $ holds a NUL character"));
        assertThat(engine.signal(untyped, "any", Map.of("k", List.of("\0")))).isInstanceOfSatisfying(
                SignalDeliveryResult.InvalidPayload.class, invalid -> assertThat(invalid.issues().get(0))
                        .contains("$.k[0]"));

        assertThat(db.sql().count("SELECT count(*) FROM workflow.signals")).isZero();
        assertThat(engine.signal(runId, "go", "now")).isInstanceOf(SignalDeliveryResult.Delivered.class);
        assertThat(engine.flow(WAITER).result(runId, WAIT)).isEqualTo("now");
    }

    @Test
    void a_cancel_reason_with_a_nul_is_refused_and_the_run_is_not_canceled() {
        Engine engine = fixture.start(WAITER);
        String runId = engine.flow(WAITER).start("x");

        expect(FlowErrorCode.ARGUMENT_INVALID, "cancel reason holds a NUL character",
                () -> engine.cancel(runId, "customer\0asked"));

        assertThat(engine.status(runId).status().isTerminal()).isFalse();
        assertThat(engine.cancel(runId, "customer asked")).isTrue();
    }

    @Test
    void run_queries_with_a_nul_in_a_filter_or_the_cursor_are_refused() {
        Engine engine = fixture.start(ORDER);

        expect(FlowErrorCode.ARGUMENT_INVALID, "flow name holds a NUL character",
                () -> engine.listRuns(RunQuery.all().withFlowName("order\0")));
        expect(FlowErrorCode.ARGUMENT_INVALID, "tag holds a NUL character",
                () -> engine.listRuns(RunQuery.all().withTag("\0")));
        expect(FlowErrorCode.ARGUMENT_INVALID, "cursor",
                () -> engine.listRuns(RunQuery.all().withCursor("AAAA\0")));
        assertThat(engine.listRuns(RunQuery.all().withFlowName("order")).items()).isEmpty();
    }

    private static void expect(FlowErrorCode code, String text, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FlowException.class,
                e -> assertThat(e.code()).isEqualTo(code)).hasMessageContaining(text);
    }
}
