package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run claimed just before the engine stops, whose attempt has not begun yet, is given back when it would begin
 * (not run on a stopped engine, not left to wait for its lease), and the stop waits for that.
 */
class ShutdownRaceTest extends EngineTestBase {

    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger queued = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    private final FlowDefinition<String, String> work = FlowDefinition.builder("work", String.class, String.class)
            .body((ctx, in) -> ctx.step("do", String.class, s -> in + "@" + ctx.runId().length())).build();

    ShutdownRaceTest(TestDatabase db) {
        super(db);
    }

    @AfterEach
    void openTheGate() {
        gate.countDown();
        threads.shutdownNow();
    }

    @Test
    void a_claimed_run_whose_attempt_had_not_begun_is_given_back_when_the_engine_stops() throws Exception {
        Engine first = fixture.start(b -> b.workers(new GatedExecutor())
                .settings(EngineFixture.FAST.withLeaseDuration(Duration.ofHours(1))
                        .withShutdownTimeout(Duration.ofSeconds(10))), work);
        String runId = first.flow(work).start("job");
        await().atMost(WAIT).until(() -> queued.get() == 1);
        assertThat(statusOf(runId)).isEqualTo("running");

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(first::stop);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> !stopping.isDone());
        gate.countDown();
        stopping.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(statusOf(runId)).isEqualTo("pending");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.steps WHERE run_id = ?::uuid", runId)).isZero();
        Engine second = fixture.start(b -> b.settings(EngineFixture.FAST.withLeaseDuration(Duration.ofHours(1))),
                work);
        assertThat(second.flow(work).result(runId, WAIT)).startsWith("job@");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE run_id = ?::uuid AND type ="
                + " 'released'", runId)).isEqualTo(1);
    }

    /** Holds every task until the gate opens, as a saturated container executor would. */
    private final class GatedExecutor extends AbstractExecutorService {

        @Override
        public void execute(Runnable task) {
            queued.incrementAndGet();
            threads.execute(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                task.run();
            });
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
