package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.ChildFailedException;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.InvokeOptions;
import io.iterativeflow.api.PermanentFailureException;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChildFlowsTest extends EngineTestBase {

    private static final FlowDefinition<Integer, Integer> DOUBLE = FlowDefinition.builder("double", Integer.class,
            Integer.class).body((ctx, n) -> ctx.step("times-two", Integer.class, s -> n * 2)).build();

    ChildFlowsTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_child_runs_as_its_own_run_and_its_output_returns_to_the_parent() {
        FlowDefinition<Integer, Integer> parent = FlowDefinition.builder("sum-of-doubles", Integer.class,
                Integer.class).body((ctx, n) -> {
                    int first = ctx.invoke(DOUBLE, n, InvokeOptions.none().withTags("child"));
                    int second = ctx.invoke(DOUBLE, n + 1);
                    return first + second;
                }).build();
        Engine engine = fixture.start(parent, DOUBLE);
        String runId = engine.flow(parent).start(10);

        assertThat(engine.flow(parent).result(runId, WAIT)).isEqualTo(42);
        assertThat(db.sql().rows("SELECT parent_key || '/' || depth || '/' || status || '/'"
                + " || CASE WHEN 'child' = ANY(tags) THEN 'true' ELSE 'false' END AS child"
                + " FROM workflow.runs WHERE parent_run_id = ?::uuid ORDER BY parent_key", runId))
                .extracting(row -> row.get("child"))
                .containsExactly("invoke:double@1/2/completed/true", "invoke:double@1:1/2/completed/false");
        assertThat(engine.status(runId).steps()).extracting(s -> s.cursorKey() + "/" + s.kind())
                .containsExactly("invoke:double@1/invoke", "invoke:double@1:1/invoke");
    }

    @Test
    void the_parent_waits_without_a_thread_and_a_replayed_parent_never_starts_a_second_child() throws Exception {
        CountDownLatch childStarted = new CountDownLatch(1);
        CountDownLatch releaseChild = new CountDownLatch(1);
        AtomicInteger childBodies = new AtomicInteger();
        FlowDefinition<String, String> slow = FlowDefinition.builder("slow", String.class, String.class)
                .body((ctx, in) -> ctx.step("work", String.class, s -> {
                    childBodies.incrementAndGet();
                    childStarted.countDown();
                    releaseChild.await();
                    return in.toUpperCase();
                })).build();
        FlowDefinition<String, String> parent = FlowDefinition.builder("waits", String.class, String.class)
                .body((ctx, in) -> {
                    String out = ctx.invoke(slow, in);
                    ctx.sleep("after", Duration.ofMillis(1));
                    return out + "!";
                }).build();
        Engine engine = fixture.start(parent, slow);
        String runId = engine.flow(parent).start("hi");

        assertThat(childStarted.await(15, TimeUnit.SECONDS)).isTrue();
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_CHILD);
        assertThat(engine.inFlight()).as("only the child holds a thread").isEqualTo(1);
        releaseChild.countDown();

        assertThat(engine.flow(parent).result(runId, WAIT)).isEqualTo("HI!");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs WHERE parent_run_id = ?::uuid", runId))
                .isEqualTo(1);
        assertThat(childBodies).hasValue(1);
    }

    @Test
    void a_failed_child_surfaces_with_its_code_and_is_not_retried() {
        AtomicInteger tries = new AtomicInteger();
        FlowDefinition<String, String> broken = FlowDefinition.builder("broken", String.class, String.class)
                .body((ctx, in) -> ctx.step("explode", String.class, s -> {
                    tries.incrementAndGet();
                    throw new PermanentFailureException("out of stock");
                })).build();
        FlowDefinition<String, String> compensating = FlowDefinition.builder("compensating", String.class,
                String.class).body((ctx, in) -> {
                    try {
                        return ctx.invoke(broken, in);
                    } catch (ChildFailedException e) {
                        return "compensated " + e.code() + " child=" + (e.childRunId() != null);
                    }
                }).build();
        FlowDefinition<String, String> careless = FlowDefinition.builder("careless", String.class, String.class)
                .body((ctx, in) -> ctx.invoke(broken, in)).build();
        Engine engine = fixture.start(compensating, careless, broken);

        String handled = engine.flow(compensating).start("a");
        assertThat(engine.flow(compensating).result(handled, WAIT)).isEqualTo("compensated STEP_FAILED child=true");
        String unhandled = engine.flow(careless).start("b");
        assertThatThrownBy(() -> engine.flow(careless).result(unhandled, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STEP_FAILED))
                .hasMessageContaining("out of stock");
        assertThat(tries).as("each child's step ran once; nothing was retried").hasValue(2);
    }

    @Test
    void canceling_a_parent_cancels_its_descendants_and_a_canceled_child_fails_its_parent() throws Exception {
        CountDownLatch leafStarted = new CountDownLatch(2);
        CountDownLatch never = new CountDownLatch(1);
        FlowDefinition<String, String> leaf = FlowDefinition.builder("leaf", String.class, String.class)
                .body((ctx, in) -> ctx.step("block", String.class, s -> {
                    leafStarted.countDown();
                    never.await();
                    return in;
                })).build();
        FlowDefinition<String, String> middle = FlowDefinition.builder("middle", String.class, String.class)
                .body((ctx, in) -> ctx.invoke(leaf, in)).build();
        FlowDefinition<String, String> top = FlowDefinition.builder("top", String.class, String.class)
                .body((ctx, in) -> ctx.invoke(middle, in)).build();
        Engine engine = fixture.start(top, middle, leaf);
        String cascade = engine.flow(top).start("a");
        String lonely = engine.flow(middle).start("b");
        assertThat(leafStarted.await(15, TimeUnit.SECONDS)).isTrue();

        assertThat(engine.cancel(cascade, "order withdrawn")).isTrue();
        assertThat(db.sql().rows("WITH RECURSIVE tree (id, status) AS ("
                + "SELECT id, status FROM workflow.runs WHERE id = ?::uuid"
                + " UNION ALL SELECT r.id, r.status FROM workflow.runs r JOIN tree t ON r.parent_run_id = t.id)"
                + " SELECT status FROM tree", cascade)).hasSize(3)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("canceled"));

        String lonelyLeaf = (String) db.sql().value("SELECT CAST(id AS VARCHAR) FROM workflow.runs"
                + " WHERE parent_run_id = ?::uuid", lonely);
        assertThat(engine.cancel(lonelyLeaf, "not needed")).isTrue();
        assertThatThrownBy(() -> engine.flow(middle).result(lonely, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.RUN_CANCELED))
                .hasMessageContaining("not needed");
        never.countDown();
    }

    @Test
    void depth_and_fan_out_limits_fail_the_invoking_run_with_their_codes() {
        FlowDefinition<Integer, Integer> chain = FlowDefinition.builder("chain", Integer.class, Integer.class)
                .body((ctx, n) -> n == 0 ? 0 : 1 + ctx.invoke(chainRef(), n - 1)).build();
        FlowDefinition<Integer, Integer> fanOut = FlowDefinition.builder("fan-out", Integer.class, Integer.class)
                .body((ctx, n) -> {
                    int sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += ctx.invoke(DOUBLE, i);
                    }
                    return sum;
                }).build();
        Engine engine = fixture.start(b -> b.settings(EngineFixture.FAST.withInvokeLimits(
                EngineFixture.FAST.invokeLimits().withMaxDepth(3).withMaxChildrenPerRun(2))), chain, fanOut, DOUBLE);

        assertThat(engine.flow(chain).result(engine.flow(chain).start(2), WAIT)).isEqualTo(2);
        String tooDeep = engine.flow(chain).start(3);
        assertThatThrownBy(() -> engine.flow(chain).result(tooDeep, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.INVOKE_DEPTH_EXCEEDED))
                .hasMessageContaining("flow.limits.max-invoke-depth");
        String tooWide = engine.flow(fanOut).start(3);
        assertThatThrownBy(() -> engine.flow(fanOut).result(tooWide, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.INVOKE_FANOUT_EXCEEDED))
                .hasMessageContaining("flow.limits.max-children-per-run");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs WHERE parent_run_id = ?::uuid", tooWide))
                .isEqualTo(2);
    }

    @Test
    void an_idempotency_key_adopts_a_parentless_run_and_is_refused_when_another_parent_holds_it() {
        FlowDefinition<Integer, Integer> adopting = FlowDefinition.builder("adopting", Integer.class, Integer.class)
                .body((ctx, n) -> ctx.invoke(DOUBLE, n, InvokeOptions.none().withIdempotencyKey("double-21")))
                .build();
        Engine engine = fixture.start(adopting, DOUBLE);
        String existing = engine.flow(DOUBLE).start(21,
                io.iterativeflow.api.StartOptions.none().withIdempotencyKey("double-21"));
        assertThat(engine.flow(DOUBLE).result(existing, WAIT)).isEqualTo(42);

        String first = engine.flow(adopting).start(5);
        assertThat(engine.flow(adopting).result(first, WAIT)).as("the adopted run's output").isEqualTo(42);
        assertThat(db.sql().value("SELECT CAST(parent_run_id AS VARCHAR) FROM workflow.runs WHERE id = ?::uuid",
                existing))
                .isEqualTo(first);

        String second = engine.flow(adopting).start(6);
        assertThatThrownBy(() -> engine.flow(adopting).result(second, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID))
                .hasMessageContaining("double-21").hasMessageContaining(existing);
        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs WHERE flow_name = 'double'")).isEqualTo(1);
    }

    private static FlowDefinition<Integer, Integer> chainRef() {
        return FlowDefinition.builder("chain", Integer.class, Integer.class).body((ctx, n) -> n).build();
    }
}
