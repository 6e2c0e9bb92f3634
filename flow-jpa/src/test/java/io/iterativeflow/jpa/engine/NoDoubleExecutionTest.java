package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two engines on one database, woken by the same notifications, race for many runs: every step runs exactly once and
 * no run is ever in two engines' hands at once. The lease is long, so no run is taken over because a heartbeat came
 * late on a busy machine (that would be a legitimate second execution).
 */
@DatabaseTest(poolSize = 16)
class NoDoubleExecutionTest extends EngineTestBase {

    private static final int RUNS = 120;
    private static final List<String> STEPS = List.of("a", "b", "c");

    NoDoubleExecutionTest(TestDatabase db) {
        super(db);
    }

    @Test
    void each_step_of_each_run_executes_once_across_two_engines() {
        Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
        Set<String> active = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();
        Map<String, AtomicInteger> perEngine = new ConcurrentHashMap<>();
        FlowDefinition<Integer, Integer> job = FlowDefinition.builder("job", Integer.class, Integer.class)
                .body((ctx, n) -> {
                    int sum = 0;
                    for (String step : STEPS) {
                        sum += ctx.step(step, Integer.class, s -> {
                            if (!active.add(s.runId())) {
                                overlaps.incrementAndGet();
                            }
                            try {
                                executions.computeIfAbsent(s.runId() + "/" + step, k -> new AtomicInteger())
                                        .incrementAndGet();
                                String engine = Thread.currentThread().getName().substring(0, "engine-1".length());
                                perEngine.computeIfAbsent(engine, k -> new AtomicInteger()).incrementAndGet();
                                return n;
                            } finally {
                                active.remove(s.runId());
                            }
                        });
                    }
                    return sum;
                }).build();
        Engine first = fixture.start(Listeners.lease(Duration.ofSeconds(30)), job);
        Engine second = fixture.start(Listeners.lease(Duration.ofSeconds(30)), job);

        List<String> runIds = IntStream.range(0, RUNS)
                .mapToObj(n -> (n % 2 == 0 ? first : second).flow(job).start(n)).toList();

        for (int n = 0; n < RUNS; n++) {
            assertThat(first.flow(job).result(runIds.get(n), Duration.ofSeconds(60))).isEqualTo(3 * n);
        }
        assertThat(executions).hasSize(RUNS * STEPS.size());
        assertThat(executions.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(overlaps).hasValue(0);
        assertThat(perEngine.keySet()).as("both engines took part").containsExactlyInAnyOrder("engine-1", "engine-2");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE type = 'claimed'")).isEqualTo(RUNS);
    }
}
