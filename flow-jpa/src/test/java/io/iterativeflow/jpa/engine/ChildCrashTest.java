package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Chains of children survive an engine that dies while a parent resumes, and a parent whose wake-up was lost. */
class ChildCrashTest extends EngineTestBase {

    ChildCrashTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_three_level_chain_completes_once_when_the_engine_dies_while_a_parent_resumes() throws Exception {
        AtomicInteger leafRuns = new AtomicInteger();
        AtomicInteger topSteps = new AtomicInteger();
        List<String> resumedOn = new CopyOnWriteArrayList<>();
        CountDownLatch middleResumed = new CountDownLatch(1);
        CountDownLatch holdFirstEngine = new CountDownLatch(1);
        FlowDefinition<String, String> leaf = FlowDefinition.builder("leaf", String.class, String.class)
                .body((ctx, in) -> ctx.step("make", String.class, s -> {
                    leafRuns.incrementAndGet();
                    return in + ">leaf";
                })).build();
        FlowDefinition<String, String> middle = FlowDefinition.builder("middle", String.class, String.class)
                .body((ctx, in) -> {
                    String made = ctx.invoke(leaf, in);
                    return ctx.step("after-leaf", String.class, s -> {
                        String engine = Thread.currentThread().getName().substring(0, "engine-1".length());
                        resumedOn.add(engine);
                        middleResumed.countDown();
                        if (engine.equals("engine-1")) {
                            holdFirstEngine.await(); // the engine dies here, in the middle of the parent's resume
                        }
                        return made + ">middle";
                    });
                }).build();
        FlowDefinition<String, String> top = FlowDefinition.builder("top", String.class, String.class)
                .body((ctx, in) -> {
                    String made = ctx.invoke(middle, in);
                    return ctx.step("finish", String.class, s -> {
                        topSteps.incrementAndGet();
                        return made + ">top";
                    });
                }).build();
        Engine first = fixture.start(top, middle, leaf);
        String runId = first.flow(top).start("order");
        assertThat(middleResumed.await(15, TimeUnit.SECONDS)).isTrue();

        first.halt();
        Engine second = fixture.start(top, middle, leaf);

        assertThat(second.flow(top).result(runId, WAIT)).isEqualTo("order>leaf>middle>top");
        holdFirstEngine.countDown();
        assertThat(resumedOn).containsExactly("engine-1", "engine-2");
        assertThat(leafRuns).as("the ended child never ran again").hasValue(1);
        assertThat(topSteps).hasValue(1);
        assertThat(db.sql().rows("SELECT flow_name, status, (SELECT count(*) FROM workflow.events e"
                + " WHERE e.run_id = r.id AND e.type = 'completed') AS completions FROM workflow.runs r"))
                .hasSize(3)
                .allSatisfy(row -> {
                    assertThat(row.get("status")).isEqualTo("completed");
                    assertThat(((Number) row.get("completions")).longValue()).isEqualTo(1);
                });
    }

    @Test
    void a_parent_whose_wake_up_was_lost_is_found_by_the_reconciler() throws Exception {
        CountDownLatch childMayFinish = new CountDownLatch(1);
        FlowDefinition<String, String> child = FlowDefinition.builder("child", String.class, String.class)
                .body((ctx, in) -> ctx.step("wait", String.class, s -> {
                    childMayFinish.await();
                    return in + "!";
                })).build();
        FlowDefinition<String, String> parent = FlowDefinition.builder("parent", String.class, String.class)
                .body((ctx, in) -> ctx.invoke(child, in)).build();
        Engine engine = fixture.start(parent, child);
        String runId = engine.flow(parent).start("x");
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_CHILD);

        // Point the parent's wait elsewhere, so the child's terminal transition finds nothing to wake (as if the
        // process had died between the two); only the reconciler can bring the parent back.
        db.sql().update("UPDATE workflow.runs SET wait_key = 'elsewhere' WHERE id = ?::uuid", runId);
        childMayFinish.countDown();
        await().atMost(WAIT).until(() -> db.sql().count("SELECT count(*) FROM workflow.runs"
                + " WHERE parent_run_id = ?::uuid AND status = 'completed'", runId) == 1);
        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs WHERE id = ?::uuid"
                + " AND status = 'awaiting_child' AND available_at = " + never(), runId)).isEqualTo(1);
        db.sql().update("UPDATE workflow.runs SET wait_key = 'invoke:child@1' WHERE id = ?::uuid", runId);

        assertThat(engine.flow(parent).result(runId, WAIT)).isEqualTo("x!");
    }

    /** The wake time of a run that waits without end: H2 has no {@code 'infinity'} and stores a far date. */
    private String never() {
        return db.isH2() ? "TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00'" : "'infinity'";
    }
}
