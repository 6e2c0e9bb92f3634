package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunSignalResult;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.api.SignalSendOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.CallerTransaction;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * {@code engine.signalAll(runIds, name, payload)}: one call, one transaction, an answer per run; unknown and finished
 * runs get their own answer, and a bad request is refused whole before anything is written.
 */
class BulkSignalTest extends EngineTestBase {

    private final FlowDefinition<String, String> approval = FlowDefinition.builder("approval", String.class,
            String.class).signal("decision", String.class)
            .body((ctx, in) -> in + ":" + ctx.signal("decision", String.class)).build();

    /** Declares the same signal with another type: a String payload does not fit it. */
    private final FlowDefinition<String, String> counting = FlowDefinition.builder("counting", String.class,
            String.class).signal("decision", Integer.class)
            .body((ctx, in) -> in + ":" + ctx.signal("decision", Integer.class)).build();

    private final FlowDefinition<String, String> quick = FlowDefinition.builder("quick", String.class, String.class)
            .body((ctx, in) -> in).build();

    BulkSignalTest(TestDatabase db) {
        super(db);
    }

    @Test
    void every_run_gets_its_own_answer_and_the_waiting_runs_go_on() {
        Engine engine = fixture.start(approval, counting, quick);
        List<String> waiting = new ArrayList<>(List.of(waiting(engine, "a"), waiting(engine, "b")));
        String wrongType = engine.flow(counting).start("c");
        await().atMost(WAIT).until(() -> engine.status(wrongType).status() == RunStatus.AWAITING_SIGNAL);
        String finished = engine.flow(quick).start("done");
        engine.flow(quick).result(finished, WAIT);
        String unknown = UUID.randomUUID().toString();

        List<RunSignalResult> results = engine.signalAll(List.of(waiting.get(0), unknown, finished, wrongType,
                waiting.get(1)), "decision", "approved");

        assertThat(results).extracting(RunSignalResult::runId)
                .containsExactly(waiting.get(0), unknown, finished, wrongType, waiting.get(1));
        assertThat(results.get(0).delivery()).containsInstanceOf(SignalDeliveryResult.Delivered.class);
        assertThat(results.get(1).notFound()).isTrue();
        assertThat(results.get(2).delivery()).containsInstanceOf(SignalDeliveryResult.Expired.class);
        assertThat(results.get(3).delivery()).get().isInstanceOfSatisfying(SignalDeliveryResult.InvalidPayload.class,
                invalid -> assertThat(invalid.issues()).singleElement().asString().contains("Integer"));
        assertThat(results.get(4).delivery()).containsInstanceOf(SignalDeliveryResult.Delivered.class);
        assertThat(engine.flow(approval).result(waiting.get(0), WAIT)).isEqualTo("a:approved");
        assertThat(engine.flow(approval).result(waiting.get(1), WAIT)).isEqualTo("b:approved");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.signals WHERE run_id IN (CAST(? AS UUID),"
                + " CAST(? AS UUID))", finished, wrongType)).as("nothing stored for refused runs").isZero();
        assertThat(engine.status(wrongType).status()).isEqualTo(RunStatus.AWAITING_SIGNAL);
    }

    @Test
    void a_delivery_id_makes_a_repeated_bulk_send_a_duplicate_for_each_run() {
        Engine engine = fixture.start(approval);
        String first = engine.flow(approval).start("a");
        String second = engine.flow(approval).start("b");
        SignalSendOptions once = SignalSendOptions.deliveryId("batch-7");

        engine.signalAll(List.of(first, second), "decision", "early", once);
        List<RunSignalResult> again = engine.signalAll(List.of(first, second), "decision", "late", once);

        assertThat(again).allSatisfy(r -> assertThat(r.delivery())
                .containsInstanceOf(SignalDeliveryResult.Duplicate.class));
        assertThat(engine.flow(approval).result(first, WAIT)).isEqualTo("a:early");
        assertThat(engine.flow(approval).result(second, WAIT)).isEqualTo("b:early");
    }

    @Test
    void a_bulk_send_in_a_caller_transaction_is_stored_for_all_runs_or_for_none() throws Exception {
        CallerTransaction caller = new CallerTransaction(db.dataSource());
        JpaFlowStore store = JpaFlowStore.builder(db.dataSource()).clock(fixture.clock())
                .jta(caller, caller.dataSource()).build();
        Engine engine = Engine.builder().store(store).clock(fixture.clock()).settings(EngineFixture.FAST)
                .instanceId("bulk-jta").flow(approval).build();
        engine.start();
        try {
            List<String> runs = List.of(waiting(engine, "a"), waiting(engine, "b"), waiting(engine, "c"));

            caller.begin();
            assertThat(engine.signalAll(runs, "decision", "no")).allSatisfy(r -> assertThat(r.delivery())
                    .containsInstanceOf(SignalDeliveryResult.Delivered.class));
            caller.rollback();
            assertThat(db.sql().count("SELECT count(*) FROM workflow.signals")).isZero();

            caller.begin();
            engine.signalAll(runs, "decision", "yes");
            caller.commit();
            assertThat(runs).allSatisfy(id -> assertThat(engine.flow(approval).result(id, WAIT)).endsWith(":yes"));
        } finally {
            engine.halt();
            caller.close();
            store.close();
        }
    }

    @Test
    void bad_requests_are_refused_whole_before_anything_is_written() {
        Engine engine = fixture.start(approval);
        String runId = waiting(engine, "a");
        List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> UUID.randomUUID().toString()).toList();

        refused(() -> engine.signalAll(List.of(), "decision", "x"), "at least one");
        refused(() -> engine.signalAll(null, "decision", "x"), "at least one");
        refused(() -> engine.signalAll(tooMany, "decision", "x"), "at most 1000");
        refused(() -> engine.signalAll(Arrays.asList(runId, null), "decision", "x"), "run id 1");
        refused(() -> engine.signalAll(List.of(runId, runId.toUpperCase()), "decision", "x"), "repeated");
        refused(() -> engine.signalAll(List.of(runId, "order-7"), "decision", "x"), "not a run id");
        refused(() -> engine.signalAll(List.of(runId), " ", "x"), "signal");

        assertThat(db.sql().count("SELECT count(*) FROM workflow.signals")).isZero();
        assertThat(engine.status(runId).status()).isEqualTo(RunStatus.AWAITING_SIGNAL);
        assertThat(engine.signalAll(List.of(runId), "decision", "x")).singleElement()
                .satisfies(r -> assertThat(r.delivery()).containsInstanceOf(SignalDeliveryResult.Delivered.class));
    }

    private String waiting(Engine engine, String input) {
        String runId = engine.flow(approval).start(input);
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);
        return runId;
    }

    private static void refused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FlowException.class,
                e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID)).hasMessageContaining(message);
    }

}
