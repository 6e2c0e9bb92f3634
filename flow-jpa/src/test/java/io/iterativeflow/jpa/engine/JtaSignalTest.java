package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.CallerTransaction;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signals sent inside the caller's JTA transaction join it. The engine polls only once an hour here, so a run can go
 * on promptly only through the wake-up that follows the caller's commit.
 */
class JtaSignalTest extends EngineTestBase {

    private static final FlowDefinition<String, String> APPROVAL = FlowDefinition.builder("approval", String.class,
            String.class).signal("decision", String.class)
            .body((ctx, in) -> in + ":" + ctx.signal("decision", String.class)).build();

    private JpaFlowStore store;
    private Engine engine;
    private CallerTransaction caller;

    JtaSignalTest(TestDatabase db) {
        super(db);
    }

    @AfterEach
    void stop() throws Exception {
        caller.close();
        engine.halt();
        store.close();
    }

    @Test
    void a_signal_sent_in_a_transaction_that_rolls_back_is_not_delivered_and_one_that_commits_is() throws Exception {
        caller = new CallerTransaction(db.dataSource());
        store = JpaFlowStore.builder(db.dataSource()).clock(fixture.clock()).jta(caller, caller.dataSource()).build();
        engine = Engine.builder().store(store).clock(fixture.clock())
                .settings(EngineFixture.FAST.withPollInterval(Duration.ofHours(1)))
                .instanceId("jta-engine").flow(APPROVAL).build();
        engine.start();
        FlowHandle<String, String> approval = engine.flow(APPROVAL);
        String runId = approval.start("order-7");
        await().atMost(WAIT).until(() -> approval.status(runId).status() == RunStatus.AWAITING_SIGNAL);

        caller.begin();
        assertThat(engine.signal(runId, "decision", "rejected")).isInstanceOf(SignalDeliveryResult.Delivered.class);
        caller.rollback();

        assertThat(db.sql().count("SELECT count(*) FROM workflow.signals WHERE run_id = CAST(? AS UUID)", runId))
                .isZero();
        assertThat(approval.status(runId).status()).isEqualTo(RunStatus.AWAITING_SIGNAL);

        caller.begin();
        assertThat(engine.signal(runId, "decision", "approved")).isInstanceOf(SignalDeliveryResult.Delivered.class);
        caller.commit();

        assertThat(approval.result(runId, WAIT)).isEqualTo("order-7:approved");
    }
}
