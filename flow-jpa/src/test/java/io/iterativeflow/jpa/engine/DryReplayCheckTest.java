package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.core.config.DryReplaySettings;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.ReplayCheck;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dry replay of code flows at deployment: the deployed body runs against each in-flight run's history, with
 * every durable operation answered from the record, and stops at the first operation without one.
 */
class DryReplayCheckTest extends EngineTestBase {

    private static final FlowDefinition<String, String> WAITER = FlowDefinition.builder("waiter", String.class,
            String.class).body((ctx, in) -> ctx.signal("never", String.class)).build();
    private static final FlowDefinition<String, String> OTHER_CHILD = FlowDefinition.builder("other-child",
            String.class, String.class).body((ctx, in) -> in).build();

    /** Weighs, then waits in the way its input names, then ships. */
    private static final FlowDefinition<String, String> V1 = parcel("cool", "label", WAITER, "ship", false, false);
    /** Every wait renamed (a child of another flow), so no run can be followed. */
    private static final FlowDefinition<String, String> RENAMED = parcel("chill", "tag", OTHER_CHILD, "dispatch",
            false, false);
    /** The same operations in the same order, then one more after the waits: every run can be followed. */
    private static final FlowDefinition<String, String> COMPATIBLE = parcel("cool", "label", WAITER, "ship", true,
            false);
    /** Throws once the recorded weighing is replayed. */
    private static final FlowDefinition<String, String> THROWING = parcel("cool", "label", WAITER, "ship", false,
            true);

    private Map<String, String> runs;

    DryReplayCheckTest(TestDatabase db) {
        super(db);
    }

    private static FlowDefinition<String, String> parcel(String sleep, String signal,
            FlowDefinition<String, String> child, String retried, boolean notifyAfter, boolean throwOnReplay) {
        return FlowDefinition.builder("parcel", String.class, String.class).body((ctx, in) -> {
            String weight = ctx.step("weigh", String.class, s -> "2kg");
            if (throwOnReplay) {
                throw new IllegalStateException("the new code cannot handle " + weight);
            }
            waitFor(ctx, in, sleep, signal, child, retried);
            if (notifyAfter) {
                ctx.step("notify", String.class, s -> "sent");
            }
            return in + " " + weight;
        }).build();
    }

    private static void waitFor(FlowContext ctx, String how, String sleep, String signal,
            FlowDefinition<String, String> child, String retried) {
        switch (how) {
            case "sleeping" -> ctx.sleep(sleep, Duration.ofDays(1));
            case "awaiting_signal" -> ctx.signal(signal, String.class);
            case "awaiting_child" -> ctx.invoke(child, how);
            default -> ctx.step(retried, String.class, StepOptions.defaults().withRetries(5)
                    .withBackoff(Backoff.fixed(Duration.ofDays(1))), s -> {
                        throw new IllegalStateException("the carrier is closed");
                    });
        }
    }

    @BeforeEach
    void runsInFlightOfEachKind() {
        Engine old = fixture.start(V1, WAITER);
        runs = new TreeMap<>();
        for (String kind : List.of("sleeping", "awaiting_signal", "awaiting_child", "retrying")) {
            String runId = old.flow(V1).start(kind);
            runs.put(kind, runId);
            await().atMost(WAIT).until(() -> kind.equals(statusOf(runId)));
        }
        old.halt();
    }

    @Test
    void changed_code_is_reported_with_each_run_it_cannot_follow() {
        ReplayCheck.Report report = check(DryReplaySettings.defaults(), RENAMED, WAITER, OTHER_CHILD);

        assertThat(report.problems()).extracting(ReplayCheck.Problem::runId)
                .containsExactlyInAnyOrderElementsOf(runs.values());
        assertThat(reason(report, "sleeping")).contains("waits at sleep 'cool'", "stops at sleep 'chill'");
        assertThat(reason(report, "awaiting_signal")).contains("waits at signal 'signal:label'",
                "stops at signal 'signal:tag'");
        assertThat(reason(report, "awaiting_child")).contains("waits at invoke 'invoke:waiter@1'",
                "stops at invoke 'invoke:other-child@1'");
        assertThat(reason(report, "retrying")).contains("'ship'", "'dispatch'");
    }

    @Test
    void a_compatible_change_follows_every_run() {
        ReplayCheck.Report report = check(DryReplaySettings.defaults(), COMPATIBLE, WAITER);

        assertThat(report.clean()).as("problems: %s", report.problems()).isTrue();
        assertThat(report.checked()).isEqualTo(5);
        assertThat(report.skipped()).isEmpty();
    }

    @Test
    void a_body_that_throws_in_the_dry_replay_is_reported() {
        ReplayCheck.Report report = check(DryReplaySettings.defaults(), THROWING, WAITER);

        assertThat(report.problems()).hasSize(4).allSatisfy(p -> assertThat(p.reason()).contains(
                "the deployed code throws when it replays the run's history (after step 'weigh')",
                "the new code cannot handle 2kg"));
    }

    @Test
    void the_dry_replay_writes_nothing_and_takes_no_lease() {
        Map<String, Object> before = snapshot();

        check(DryReplaySettings.defaults(), RENAMED, WAITER, OTHER_CHILD);
        check(DryReplaySettings.defaults(), THROWING, WAITER);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void what_the_limit_the_budget_and_the_exclusions_leave_out_is_reported() {
        assertThat(check(DryReplaySettings.defaults().withLimitPerFlow(1), RENAMED, WAITER, OTHER_CHILD))
                .satisfies(r -> {
                    assertThat(r.problems()).hasSize(1);
                    assertThat(r.skipped()).containsExactly("the dry replay left out 3 in-flight run(s) of parcel@1:"
                            + " beyond flow.versions.dry-replay.limit (1 per flow version)");
                });
        assertThat(check(DryReplaySettings.defaults().withExcluded(Set.of("parcel")), RENAMED, WAITER, OTHER_CHILD))
                .satisfies(r -> {
                    assertThat(r.clean()).isTrue();
                    assertThat(r.skipped()).containsExactly("the dry replay left out 4 in-flight run(s) of parcel@1:"
                            + " the flow is listed in flow.versions.dry-replay.exclude");
                });
        assertThat(check(DryReplaySettings.defaults().withBudget(Duration.ofNanos(1)), RENAMED, WAITER, OTHER_CHILD))
                .satisfies(r -> {
                    assertThat(r.clean()).isTrue();
                    assertThat(r.skipped()).anySatisfy(line -> assertThat(line).contains("of parcel@1",
                            "used up flow.versions.dry-replay.budget"));
                });
        assertThat(check(DryReplaySettings.off(), RENAMED, WAITER, OTHER_CHILD).clean()).isTrue();
    }

    private ReplayCheck.Report check(DryReplaySettings settings, FlowDefinition<?, ?>... deployed) {
        return fixture.build(UnaryOperator.identity(), deployed).replayCheck(settings).run(10);
    }

    private String reason(ReplayCheck.Report report, String kind) {
        return report.problems().stream().filter(p -> p.runId().equals(runs.get(kind))).findFirst().orElseThrow()
                .reason();
    }

    /** Row counts of every table, and each run's status, attempts, lease and last update. */
    private Map<String, Object> snapshot() {
        Map<String, Object> state = new TreeMap<>();
        for (String table : List.of("runs", "steps", "timers", "signals", "events")) {
            state.put(table, db.sql().value("SELECT COUNT(*) FROM workflow." + table));
        }
        for (String runId : runs.values()) {
            state.put(runId, db.sql().value("SELECT CONCAT(status, '/', attempts, '/', COALESCE(lease_owner, '-'),"
                    + " '/', COALESCE(CAST(lease_expires_at AS VARCHAR(40)), '-'), '/',"
                    + " CAST(updated_at AS VARCHAR(40))) FROM workflow.runs WHERE id = CAST(? AS UUID)", runId));
        }
        return state;
    }
}
