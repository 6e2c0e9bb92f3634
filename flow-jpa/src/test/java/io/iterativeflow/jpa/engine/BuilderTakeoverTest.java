package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.Pipeline;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An engine halted in the middle of a builder flow's loop; a second engine on the same database finishes it. */
class BuilderTakeoverTest extends EngineTestBase {

    BuilderTakeoverTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_second_engine_finishes_a_loop_the_first_was_halted_in_and_no_recorded_step_runs_again() throws Exception {
        Map<String, AtomicInteger> ranPerKey = new ConcurrentHashMap<>();
        List<String> stuckOn = new CopyOnWriteArrayList<>();
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FlowDefinition<Integer, String> count = FlowDefinition.builder("count", Integer.class, String.class)
                .steps(Pipeline.<Integer>start()
                        .step("prepare", Integer.class, (n, scope) -> {
                            ranPerKey.computeIfAbsent(scope.cursorKey(), k -> new AtomicInteger()).incrementAndGet();
                            return n;
                        })
                        .loop("count-to-five", n -> n >= 5, 10, body -> body
                                .step("tick", Integer.class, (n, scope) -> {
                                    ranPerKey.computeIfAbsent(scope.cursorKey(), k -> new AtomicInteger())
                                            .incrementAndGet();
                                    String engine = Thread.currentThread().getName();
                                    if (n == 2 && engine.startsWith("engine-1")) {
                                        stuckOn.add(scope.cursorKey());
                                        stuck.countDown();
                                        release.await();
                                    }
                                    return n + 1;
                                }))
                        .output(n -> "reached " + n + " on " + Thread.currentThread().getName().substring(0, 8)))
                .build();
        Engine first = fixture.start(count);
        String runId = first.flow(count).start(0);
        assertThat(stuck.await(15, TimeUnit.SECONDS)).isTrue();

        first.halt();
        Engine second = fixture.start(count);

        assertThat(second.flow(count).result(runId, WAIT)).isEqualTo("reached 5 on engine-2");
        assertThat(stuckOn).containsExactly("tick:2");
        assertThat(ranPerKey).containsOnlyKeys("prepare", "tick", "tick:1", "tick:2", "tick:3", "tick:4");
        ranPerKey.forEach((key, times) -> {
            int expected = key.equals("tick:2") ? 2 : 1;
            assertThat(times).as("runs of %s (only the unrecorded one ran again)", key).hasValue(expected);
        });
        assertThat(second.status(runId).steps()).extracting(s -> s.cursorKey())
                .containsExactly("prepare", "tick", "tick:1", "tick:2", "tick:3", "tick:4");
        release.countDown();
    }
}
