package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two engines on one database: one stops heartbeating, the other takes its run over. */
class TakeoverTest extends EngineTestBase {

    TakeoverTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_second_engine_reclaims_the_run_of_a_crashed_one_and_no_recorded_step_runs_again() throws Exception {
        AtomicInteger firstStep = new AtomicInteger();
        List<String> secondStepRanOn = new CopyOnWriteArrayList<>();
        CountDownLatch secondStepStarted = new CountDownLatch(1);
        CountDownLatch blockFirstEngine = new CountDownLatch(1);
        FlowDefinition<String, String> order = FlowDefinition.builder("order", String.class, String.class)
                .body((ctx, in) -> {
                    int n = ctx.step("reserve", Integer.class, s -> firstStep.incrementAndGet());
                    String where = ctx.step("charge", String.class, s -> {
                        String me = Thread.currentThread().getName();
                        secondStepRanOn.add(me);
                        secondStepStarted.countDown();
                        if (me.startsWith("engine-1")) {
                            blockFirstEngine.await();
                        }
                        return me.substring(0, "engine-1".length());
                    });
                    return n + "@" + where;
                }).build();
        Engine first = fixture.start(order);
        String runId = first.flow(order).start("o-1");
        assertThat(secondStepStarted.await(15, TimeUnit.SECONDS)).isTrue();

        first.halt();
        Engine second = fixture.start(order);

        assertThat(second.flow(order).result(runId, WAIT)).isEqualTo("1@engine-2");
        assertThat(firstStep).as("the recorded step ran once").hasValue(1);
        assertThat(secondStepRanOn).hasSize(2);
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE run_id = ?::uuid AND type = ?",
                runId, "lease_expired")).isEqualTo(1);
        blockFirstEngine.countDown();
    }

    @Test
    void a_paused_engine_that_resumes_after_losing_its_lease_writes_nothing() throws Exception {
        CountDownLatch pausedInStep = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        FlowDefinition<String, String> job = FlowDefinition.builder("job", String.class, String.class)
                .body((ctx, in) -> ctx.step("work", String.class, s -> {
                    if (Thread.currentThread().getName().startsWith("engine-1")) {
                        pausedInStep.countDown();
                        while (resume.getCount() > 0) {
                            try {
                                resume.await();
                            } catch (InterruptedException ignoredLikeAStalledProcess) {
                                Thread.interrupted();
                            }
                        }
                        return "stale result from engine-1";
                    }
                    return "fresh result from engine-2";
                })).build();
        ScheduledExecutorService firstScheduler = Executors.newScheduledThreadPool(1);
        Engine first = fixture.start(b -> b.scheduler(firstScheduler), job);
        String runId = first.flow(job).start("x");
        assertThat(pausedInStep.await(15, TimeUnit.SECONDS)).isTrue();

        firstScheduler.shutdownNow();
        Engine second = fixture.start(job);
        assertThat(second.flow(job).result(runId, WAIT)).isEqualTo("fresh result from engine-2");

        resume.countDown();
        await().atMost(WAIT).until(() -> first.inFlight() == 0);
        assertThat(db.sql().value("SELECT result::text FROM workflow.steps WHERE run_id = ?::uuid", runId))
                .isEqualTo("\"fresh result from engine-2\"");
        assertThat(statusOf(runId)).isEqualTo("completed");
    }
}
