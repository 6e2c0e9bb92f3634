package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.api.StartOutcome;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code startWithOutcome} tells the start that created a run from those that found it by its idempotency key. */
class StartOutcomeTest extends EngineTestBase {

    private static final FlowDefinition<String, String> ECHO = FlowDefinition.builder("echo", String.class,
            String.class).body((ctx, in) -> ctx.step("upper", String.class, s -> in.toUpperCase())).build();

    StartOutcomeTest(TestDatabase db) {
        super(db);
    }

    @Test
    void the_first_start_with_a_key_creates_the_run_and_later_ones_find_it() {
        Engine engine = fixture.start(ECHO);
        FlowHandle<String, String> echo = engine.flow(ECHO);
        StartOptions key = StartOptions.none().withIdempotencyKey("order-7");

        StartOutcome first = echo.startWithOutcome("a", key);
        StartOutcome second = echo.startWithOutcome("b", key);
        StartOutcome keyless = echo.startWithOutcome("c", StartOptions.none());

        assertThat(first.created()).isTrue();
        assertThat(second).isEqualTo(new StartOutcome(first.runId(), false));
        assertThat(keyless.created()).isTrue();
        assertThat(keyless.runId()).isNotEqualTo(first.runId());
        assertThat(echo.result(second.runId(), WAIT)).isEqualTo("A");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs")).isEqualTo(2);
    }

    @Test
    void of_concurrent_starts_with_one_key_exactly_one_reports_created() throws Exception {
        Engine engine = fixture.start(ECHO);
        FlowHandle<String, String> echo = engine.flow(ECHO);
        CyclicBarrier barrier = new CyclicBarrier(4);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<StartOutcome> outcomes = new ArrayList<>();
        try {
            List<Future<StartOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<StartOutcome> start = () -> {
                    barrier.await();
                    return echo.startWithOutcome("x", StartOptions.none().withIdempotencyKey("same"));
                };
                futures.add(threads.submit(start));
            }
            for (Future<StartOutcome> future : futures) {
                outcomes.add(future.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(outcomes).filteredOn(StartOutcome::created).hasSize(1);
        assertThat(outcomes).extracting(StartOutcome::runId).containsOnly(outcomes.get(0).runId());
    }
}
