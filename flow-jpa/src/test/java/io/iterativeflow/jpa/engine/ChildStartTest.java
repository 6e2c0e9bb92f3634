package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowListener;
import io.iterativeflow.api.InvokeOptions;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A child run is a started run for the listeners (and so for the metrics), once, however often its parent replays. */
class ChildStartTest extends EngineTestBase {

    private static final FlowDefinition<Integer, Integer> DOUBLE = FlowDefinition.builder("double", Integer.class,
            Integer.class).body((ctx, n) -> ctx.step("times-two", Integer.class, s -> n * 2)).build();

    private static final FlowDefinition<Integer, Integer> PARENT = FlowDefinition.builder("two-children",
            Integer.class, Integer.class).body((ctx, n) -> ctx.invoke(DOUBLE, n) + ctx.invoke(DOUBLE, n + 1))
            .build();

    private static final FlowDefinition<Integer, Integer> ADOPTING = FlowDefinition.builder("adopting",
            Integer.class, Integer.class).body((ctx, n) -> ctx.invoke(DOUBLE, n,
                    InvokeOptions.none().withIdempotencyKey("double-" + n))).build();

    ChildStartTest(TestDatabase db) {
        super(db);
    }

    @Test
    void each_child_a_run_invokes_is_heard_as_started_once() {
        Starts starts = new Starts();
        Engine engine = fixture.start(b -> b.listener(starts), PARENT, DOUBLE);

        String parent = engine.flow(PARENT).start(10);
        assertThat(engine.flow(PARENT).result(parent, WAIT)).isEqualTo(42);

        List<String> children = db.sql().rows("SELECT CAST(id AS VARCHAR) AS child FROM workflow.runs"
                + " WHERE parent_run_id = ?::uuid", parent).stream()
                .map(row -> String.valueOf(row.values().iterator().next())).toList();
        assertThat(children).hasSize(2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(starts.heard).containsExactlyInAnyOrder(
                "two-children@1 " + parent, "double@1 " + children.get(0), "double@1 " + children.get(1)));
    }

    @Test
    void a_run_adopted_as_a_child_is_not_started_a_second_time() {
        Starts starts = new Starts();
        Engine engine = fixture.start(b -> b.listener(starts), ADOPTING, DOUBLE);
        String existing = engine.flow(DOUBLE).start(7, StartOptions.none().withIdempotencyKey("double-7"));
        engine.flow(DOUBLE).result(existing, WAIT);

        String parent = engine.flow(ADOPTING).start(7);
        assertThat(engine.flow(ADOPTING).result(parent, WAIT)).isEqualTo(14);

        await().atMost(WAIT).untilAsserted(() -> assertThat(starts.heard).containsExactlyInAnyOrder(
                "double@1 " + existing, "adopting@1 " + parent));
    }

    /** The runs it heard of as started. */
    private static final class Starts implements FlowListener {

        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void runStarted(RunEvent run) {
            heard.add(run.flowName() + "@" + run.flowVersion() + " " + run.runId());
        }
    }
}
