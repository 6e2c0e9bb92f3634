package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An engine crashes after its flow consumed a signal; the engine that takes over replays the same payload. */
class SignalReplayTest extends EngineTestBase {

    SignalReplayTest(TestDatabase db) {
        super(db);
    }

    @Test
    void replay_after_a_crash_returns_the_consumed_payload_and_consumes_no_other_signal() throws Exception {
        CountDownLatch afterStarted = new CountDownLatch(1);
        CountDownLatch neverOnFirst = new CountDownLatch(1);
        FlowDefinition<String, String> relay = FlowDefinition.builder("relay", String.class, String.class)
                .body((ctx, in) -> {
                    String payload = ctx.signal("go", String.class);
                    String where = ctx.step("after", String.class, s -> {
                        String me = Thread.currentThread().getName();
                        afterStarted.countDown();
                        if (me.startsWith("engine-1")) {
                            neverOnFirst.await();
                        }
                        return me.substring(0, "engine-1".length());
                    });
                    return payload + "@" + where;
                }).build();
        Engine first = fixture.start(relay);
        String runId = first.flow(relay).start("x");
        await().atMost(WAIT).until(() -> first.status(runId).status() == RunStatus.AWAITING_SIGNAL);

        assertThat(first.signal(runId, "go", "first")).isInstanceOf(SignalDeliveryResult.Delivered.class);
        assertThat(afterStarted.await(15, TimeUnit.SECONDS)).isTrue();
        assertThat(first.signal(runId, "go", "second")).isInstanceOf(SignalDeliveryResult.Buffered.class);
        first.halt();
        Engine second = fixture.start(relay);

        assertThat(second.flow(relay).result(runId, WAIT)).isEqualTo("first@engine-2");
        List<Map<String, Object>> signals = db.sql().rows("SELECT status, cursor_key FROM workflow.signals"
                + " WHERE run_id = CAST(? AS UUID) ORDER BY id", runId);
        assertThat(signals).extracting(row -> row.get("status")).containsExactly("consumed", "buffered");
        assertThat(signals.get(0)).containsEntry("cursor_key", "signal:go");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE run_id = CAST(? AS UUID)"
                + " AND type = 'signal_consumed'", runId)).isEqualTo(1);
        neverOnFirst.countDown();
    }

    @Test
    void each_wait_on_one_name_consumes_the_next_signal_in_the_order_sent() {
        FlowDefinition<String, String> pair = FlowDefinition.builder("pair", String.class, String.class)
                .body((ctx, in) -> ctx.signal("item", String.class) + "+" + ctx.signal("item", String.class))
                .build();
        Engine engine = fixture.start(pair);
        String runId = engine.flow(pair).start("x");
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);

        engine.signal(runId, "item", "a");
        await().atMost(WAIT).until(() -> db.sql().count("SELECT count(*) FROM workflow.runs WHERE wait_key ="
                + " 'signal:item:1' AND status = 'awaiting_signal'") == 1);
        engine.signal(runId, "item", "b");

        assertThat(engine.flow(pair).result(runId, WAIT)).isEqualTo("a+b");
        assertThat(db.sql().rows("SELECT cursor_key FROM workflow.signals ORDER BY id"))
                .extracting(row -> row.get("cursor_key")).containsExactly("signal:item", "signal:item:1");
    }
}
