package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What {@code StepScope.attempt()} counts, as its documentation says: the recorded failed tries, plus one. */
class StepAttemptTest extends EngineTestBase {

    StepAttemptTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_try_cut_off_by_a_crash_is_not_counted_so_the_next_try_sees_the_same_number() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch firstTryStarted = new CountDownLatch(1);
        CountDownLatch neverReleased = new CountDownLatch(1);
        FlowDefinition<String, Integer> flow = FlowDefinition.builder("crashing", String.class, Integer.class)
                .body((ctx, in) -> ctx.step("charge", Integer.class, s -> {
                    seen.add(s.attempt());
                    if (Thread.currentThread().getName().startsWith("engine-1")) {
                        firstTryStarted.countDown();
                        neverReleased.await();
                    }
                    return s.attempt();
                })).build();
        Engine first = fixture.start(flow);
        String runId = first.flow(flow).start("x");
        assertThat(firstTryStarted.await(15, TimeUnit.SECONDS)).isTrue();

        first.halt();
        Engine second = fixture.start(flow);

        assertThat(second.flow(flow).result(runId, WAIT)).isEqualTo(1);
        assertThat(seen).containsExactly(1, 1);
        neverReleased.countDown();
    }

    @Test
    void a_try_whose_failure_was_recorded_is_counted() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        FlowDefinition<String, Integer> flow = FlowDefinition.builder("failing-once", String.class, Integer.class)
                .body((ctx, in) -> ctx.step("charge", Integer.class, StepOptions.defaults().withRetries(2)
                        .withBackoff(Backoff.fixed(Duration.ZERO)), s -> {
                            seen.add(s.attempt());
                            if (s.attempt() == 1) {
                                throw new IllegalStateException("gateway down");
                            }
                            return s.attempt();
                        })).build();
        Engine engine = fixture.start(flow);

        assertThat(engine.flow(flow).result(engine.flow(flow).start("x"), WAIT)).isEqualTo(2);
        assertThat(seen).containsExactly(1, 2);
    }
}
