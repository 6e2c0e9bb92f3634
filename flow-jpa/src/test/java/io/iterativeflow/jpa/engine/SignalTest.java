package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.api.SignalSendOptions;
import io.iterativeflow.api.TypeRef;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignalTest extends EngineTestBase {

    private final CountDownLatch proceed = new CountDownLatch(1);
    private final CountDownLatch inStep = new CountDownLatch(1);

    private final FlowDefinition<String, String> approval = FlowDefinition.builder("approval", String.class,
            String.class)
            .signal("decision", String.class)
            .body((ctx, in) -> {
                ctx.step("prepare", String.class, s -> {
                    inStep.countDown();
                    proceed.await();
                    return "ready";
                });
                return in + ":" + ctx.signal("decision", String.class);
            }).build();

    SignalTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_signal_sent_while_the_flow_waits_is_delivered_and_the_flow_goes_on() {
        proceed.countDown();
        Engine engine = fixture.start(approval);
        FlowHandle<String, String> handle = engine.flow(approval);
        String runId = handle.start("order-1");
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);
        assertThat(engine.status(runId).availableAt()).as("a wait without timeout has no wake time").isEmpty();

        SignalDeliveryResult result = engine.signal(runId, "decision", "approved");

        assertThat(result).isInstanceOf(SignalDeliveryResult.Delivered.class);
        assertThat(handle.result(runId, WAIT)).isEqualTo("order-1:approved");
        assertThat(db.sql().row("SELECT status, cursor_key FROM workflow.signals WHERE run_id = CAST(? AS UUID)",
                runId)).containsEntry("status", "consumed").containsEntry("cursor_key", "signal:decision");
        assertThat(db.sql().row("SELECT kind, status, CAST(result AS VARCHAR) AS result FROM workflow.steps"
                + " WHERE run_id = CAST(? AS UUID) AND cursor_key = 'signal:decision'", runId))
                .containsEntry("kind", "signal").containsEntry("status", "completed")
                .containsEntry("result", "\"approved\"");
    }

    @Test
    void a_signal_sent_before_the_flow_waits_is_buffered_and_consumed_when_it_waits() throws Exception {
        Engine engine = fixture.start(approval);
        FlowHandle<String, String> handle = engine.flow(approval);
        String runId = handle.start("order-2");
        assertThat(inStep.await(15, TimeUnit.SECONDS)).isTrue();

        SignalDeliveryResult result = engine.signal(runId, "decision", "early");
        proceed.countDown();

        assertThat(result).isInstanceOf(SignalDeliveryResult.Buffered.class);
        assertThat(handle.result(runId, WAIT)).isEqualTo("order-2:early");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE run_id = CAST(? AS UUID)"
                + " AND type = 'awaiting_signal'", runId)).as("the flow never had to wait").isZero();
    }

    @Test
    void a_second_send_with_the_same_delivery_id_is_a_duplicate_and_stores_nothing() throws Exception {
        Engine engine = fixture.start(approval);
        String runId = engine.flow(approval).start("order-3");
        assertThat(inStep.await(15, TimeUnit.SECONDS)).isTrue();

        SignalDeliveryResult first = engine.signal(runId, "decision", "yes", SignalSendOptions.deliveryId("d-1"));
        SignalDeliveryResult again = engine.signal(runId, "decision", "no", SignalSendOptions.deliveryId("d-1"));
        SignalDeliveryResult other = engine.signal(runId, "decision", "maybe", SignalSendOptions.deliveryId("d-2"));
        proceed.countDown();

        assertThat(first).isInstanceOf(SignalDeliveryResult.Buffered.class);
        assertThat(again).isInstanceOf(SignalDeliveryResult.Duplicate.class);
        assertThat(other).isInstanceOf(SignalDeliveryResult.Buffered.class);
        assertThat(engine.flow(approval).result(runId, WAIT)).isEqualTo("order-3:yes");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.signals WHERE run_id = CAST(? AS UUID)", runId))
                .isEqualTo(2);
    }

    @Test
    void a_generic_payload_is_read_as_the_type_the_flow_names() {
        FlowDefinition<String, String> basket = FlowDefinition.builder("basket", String.class, String.class)
                .signal("items", new TypeRef<List<String>>() { })
                .body((ctx, in) -> String.join("+", ctx.signal("items", new TypeRef<List<String>>() { })))
                .build();
        Engine engine = fixture.start(basket);
        String runId = engine.flow(basket).start("x");

        assertThat(engine.signal(runId, "items", List.of("apple", "pear"))).isInstanceOfAny(
                SignalDeliveryResult.Buffered.class, SignalDeliveryResult.Delivered.class);
        assertThat(engine.signal(runId, "items", Set.of("not", "a", "list"))).isInstanceOf(
                SignalDeliveryResult.InvalidPayload.class);
        assertThat(engine.flow(basket).result(runId, WAIT)).isEqualTo("apple+pear");
    }

    @Test
    void a_signal_to_a_finished_run_expires_and_stores_nothing() {
        proceed.countDown();
        Engine engine = fixture.start(approval);
        String runId = engine.flow(approval).start("order-4");
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);
        engine.signal(runId, "decision", "go");
        engine.flow(approval).result(runId, WAIT);

        SignalDeliveryResult late = engine.signal(runId, "decision", "late");
        SignalDeliveryResult undeclared = engine.signal(runId, "never-declared", 42);

        assertThat(late).isInstanceOfSatisfying(SignalDeliveryResult.Expired.class,
                e -> assertThat(e.reason()).contains("finished"));
        assertThat(undeclared).isInstanceOf(SignalDeliveryResult.Expired.class);
        assertThat(db.sql().count("SELECT count(*) FROM workflow.signals WHERE run_id = CAST(? AS UUID)", runId))
                .isEqualTo(1);
    }
}
