package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A flow of 20 steps, all named alike (cursor keys {@code work}, {@code work:1} … {@code work:19}), is recorded across
 * four attempts: its engine crashes three times between steps and another engine takes the run over when the lease
 * expires. Every step runs exactly once, and each attempt records the steps from where the previous one stopped.
 */
class TwentyStepsAcrossAttemptsTest extends EngineTestBase {

    private static final int STEPS = 20;
    /** Each crash happens as the step at this position is about to start, after the one before it was recorded. */
    private static final List<Integer> CRASHES = List.of(5, 10, 15);

    private final Map<Integer, AtomicInteger> executions = new ConcurrentHashMap<>();
    private final Set<Integer> crashed = ConcurrentHashMap.newKeySet();
    private final Map<Integer, CountDownLatch> arrived = Map.of(5, new CountDownLatch(1), 10, new CountDownLatch(1),
            15, new CountDownLatch(1));
    private final CountDownLatch never = new CountDownLatch(1);

    private final FlowDefinition<Integer, Integer> twenty = FlowDefinition.builder("twenty", Integer.class,
            Integer.class).body((ctx, base) -> {
                int sum = 0;
                for (int i = 0; i < STEPS; i++) {
                    int position = i;
                    sum += ctx.step("work", Integer.class, s -> {
                        if (CRASHES.contains(position) && crashed.add(position)) {
                            arrived.get(position).countDown();
                            never.await(); // the process dies here, before the step does anything
                            throw new IllegalStateException("a dead process does not go on");
                        }
                        executions.computeIfAbsent(position, k -> new AtomicInteger()).incrementAndGet();
                        return base + position;
                    });
                }
                return sum;
            }).build();

    TwentyStepsAcrossAttemptsTest(TestDatabase db) {
        super(db);
    }

    @Test
    void twenty_steps_recorded_across_four_attempts_each_run_exactly_once() throws Exception {
        Engine engine = fixture.start(twenty);
        String runId = engine.flow(twenty).start(100);
        for (int crash : CRASHES) {
            assertThat(arrived.get(crash).await(30, TimeUnit.SECONDS)).as("reached step " + crash).isTrue();
            engine.halt();
            engine = fixture.start(twenty);
        }

        assertThat(engine.flow(twenty).result(runId, WAIT)).isEqualTo(STEPS * 100 + STEPS * (STEPS - 1) / 2);
        assertThat(executions).hasSize(STEPS);
        assertThat(executions.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(db.sql().count("SELECT attempts FROM workflow.runs WHERE id = ?::uuid", runId)).isEqualTo(4);
        List<Map<String, Object>> completed = db.sql().rows("SELECT cursor_key || '@' || attempt AS recorded"
                + " FROM workflow.events WHERE run_id = ?::uuid AND type = 'step_completed' ORDER BY id", runId);
        assertThat(completed).extracting(row -> row.get("recorded")).containsExactly(
                "work@1", "work:1@1", "work:2@1", "work:3@1", "work:4@1",
                "work:5@2", "work:6@2", "work:7@2", "work:8@2", "work:9@2",
                "work:10@3", "work:11@3", "work:12@3", "work:13@3", "work:14@3",
                "work:15@4", "work:16@4", "work:17@4", "work:18@4", "work:19@4");
        never.countDown();
    }
}
