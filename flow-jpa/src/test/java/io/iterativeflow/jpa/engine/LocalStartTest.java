package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.PostgresOnly;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run started while its instance has a free worker is created already claimed by that instance and runs there at
 * once; with every worker busy it waits in the queue like any other run.
 */
class LocalStartTest extends EngineTestBase {

    private static volatile CountDownLatch gate = new CountDownLatch(0);

    private static final FlowDefinition<String, String> ECHO = FlowDefinition.builder("echo", String.class,
            String.class).body((ctx, in) -> ctx.step("echo", String.class, s -> in + "!")).build();

    private static final FlowDefinition<String, String> GATED = FlowDefinition.builder("gated-start", String.class,
            String.class).body((ctx, in) -> ctx.step("wait-for-gate", String.class, s -> {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate never opened");
                }
                return in;
            })).build();

    LocalStartTest(TestDatabase db) {
        super(db);
    }

    @AfterEach
    void openGate() {
        gate.countDown();
    }

    @Test
    @PostgresOnly
    void a_run_started_on_an_idle_instance_is_written_claimed_by_it_and_runs_there() {
        Engine engine = fixture.start(ECHO);

        String runId = engine.flow(ECHO).start("hi");

        assertThat(engine.flow(ECHO).result(runId, WAIT)).isEqualTo("hi!");
        List<Map<String, Object>> events = db.sql().rows("SELECT type, attempt, detail FROM workflow.events"
                + " WHERE run_id = CAST(? AS uuid) ORDER BY id", runId);
        assertThat(events).extracting(e -> e.get("type"))
                .startsWith("created", "claimed").endsWith("completed");
        assertThat(events.get(1).get("detail")).isEqualTo(engine.instanceId());
        assertThat(events.get(1).get("attempt")).isEqualTo(1);
        assertThat(db.sql().value("SELECT attempts FROM workflow.runs WHERE id = CAST(? AS uuid)", runId))
                .isEqualTo(1);
    }

    @Test
    void a_run_started_while_every_worker_is_busy_waits_in_the_queue_until_one_is_free() {
        gate = new CountDownLatch(1);
        Engine engine = fixture.start(b -> b.settings(EngineFixture.FAST.withConcurrency(1)), GATED, ECHO);
        String busy = engine.flow(GATED).start("first");
        await().atMost(WAIT).until(() -> "running".equals(statusOf(busy)));

        String queued = engine.flow(ECHO).start("second");

        assertThat(statusOf(queued)).isEqualTo("pending");
        gate.countDown();
        assertThat(engine.flow(ECHO).result(queued, WAIT)).isEqualTo("second!");
        assertThat(engine.flow(GATED).result(busy, WAIT)).isEqualTo("first");
    }

    @Test
    void starts_from_many_threads_run_each_run_once_however_many_workers_are_free() throws Exception {
        Engine engine = fixture.start(b -> b.settings(EngineFixture.FAST.withConcurrency(2)), ECHO);
        List<String> runIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread[] callers = new Thread[4];
        for (int t = 0; t < callers.length; t++) {
            int caller = t;
            callers[t] = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    runIds.add(engine.flow(ECHO).start("c" + caller + "-" + i));
                }
            });
            callers[t].start();
        }
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(30));
        }

        assertThat(runIds).hasSize(40);
        for (String runId : runIds) {
            assertThat(engine.flow(ECHO).result(runId, WAIT)).endsWith("!");
        }
        assertThat(db.sql().value("SELECT count(*) FROM workflow.steps WHERE status = 'completed'"))
                .as("each run's step recorded once").isEqualTo(40L);
        assertThat(db.sql().value("SELECT count(*) FROM workflow.runs WHERE attempts <> 1"))
                .as("runs that needed more than one attempt").isEqualTo(0L);
    }
}
