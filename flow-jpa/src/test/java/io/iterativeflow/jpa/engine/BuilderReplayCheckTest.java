package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.Pipeline;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.ReplayCheck;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deployment check on builder flows: their node tree is static, so it knows which recorded keys a changed
 * definition can no longer produce, inside loop bodies too.
 */
class BuilderReplayCheckTest extends EngineTestBase {

    private static final Duration HOUR = Duration.ofHours(1);

    private final JpaFlowStore store;

    BuilderReplayCheckTest(TestDatabase db) {
        super(db);
        this.store = JpaFlowStore.create(db.dataSource(), FlowClock.SYSTEM);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Version 1 of "invoice" as a given loop body and maximum make it; the in-flight run was recorded by the first. */
    private static FlowDefinition<Integer, String> invoice(String checkName, int maxIterations) {
        return FlowDefinition.builder("invoice", Integer.class, String.class)
                .steps(Pipeline.<Integer>start()
                        .step("draft", Integer.class, (n, scope) -> n)
                        .loop("reminders", n -> n >= 3, maxIterations, body -> body
                                .sleep("wait", HOUR)
                                .step(checkName, Integer.class, (n, scope) -> n + 1))
                        .output(n -> "paid after " + n))
                .build();
    }

    @Test
    void a_run_recorded_by_an_older_tree_is_reported_when_its_node_was_removed_or_its_loop_shrank() {
        FlowDefinition<Integer, String> recorded = invoice("check", 10);
        Engine engine = fixture.start(recorded);
        String runId = engine.flow(recorded).start(0);
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.SLEEPING);
        fixture.clock().advance(HOUR.plusSeconds(1));
        engine.wake();
        await().atMost(WAIT).until(() -> engine.status(runId).timers().size() == 2
                && engine.status(runId).status() == RunStatus.SLEEPING);
        engine.halt();

        assertThat(check(invoice("check", 10)).clean()).isTrue();
        assertThat(check(invoice("check", 2)).clean()).as("wait:1 is still within two iterations").isTrue();

        ReplayCheck.Report removed = check(invoice("verify", 10));
        assertThat(removed.unreplayable()).isEqualTo(1);
        assertThat(removed.problems()).singleElement().satisfies(p -> {
            assertThat(p.runId()).isEqualTo(runId);
            assertThat(p.flowId()).isEqualTo("invoice@1");
            assertThat(p.reason()).contains("recorded step 'check'");
        });

        ReplayCheck.Report shrunk = check(invoice("check", 1));
        assertThat(shrunk.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("recorded sleep 'wait:1'"));
    }

    @Test
    void a_run_replayed_on_a_tree_whose_loop_body_changed_fails_as_incompatible() {
        FlowDefinition<Integer, String> recorded = invoice("check", 10);
        Engine first = fixture.start(recorded);
        String runId = first.flow(recorded).start(0);
        await().atMost(WAIT).until(() -> first.status(runId).status() == RunStatus.SLEEPING);
        fixture.clock().advance(HOUR.plusSeconds(1));
        first.wake();
        await().atMost(WAIT).until(() -> first.status(runId).timers().size() == 2
                && first.status(runId).status() == RunStatus.SLEEPING);
        first.halt();

        FlowDefinition<Integer, String> changed = invoice("verify", 10);
        Engine second = fixture.start(changed);
        fixture.clock().advance(HOUR.plusSeconds(1));
        second.wake();

        assertThatThrownBy(() -> second.flow(changed).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION))
                .hasMessageContaining("'check'");
    }

    private ReplayCheck.Report check(FlowDefinition<?, ?> deployed) {
        return new ReplayCheck(store, fixture.build(UnaryOperator.identity(), deployed).registry()).run(10);
    }
}
