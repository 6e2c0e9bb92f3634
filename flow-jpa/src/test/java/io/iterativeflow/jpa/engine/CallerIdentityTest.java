package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.EventInfo;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RetryResult;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.RunSummary;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.api.StartRequest;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The caller principal that the identity source reports is recorded with the run at its start ({@code startedBy}),
 * inherited by its children, readable by its steps, and written as the {@code actor} of the events of signals,
 * cancels and retries.
 */
class CallerIdentityTest extends EngineTestBase {

    /** The identity source of the engine: "who calls on this thread", as a container would say. */
    private final AtomicReference<String> caller = new AtomicReference<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    /** Reports what its step, its body and its child see as the caller. */
    private final FlowDefinition<String, String> child = FlowDefinition.builder("child", String.class, String.class)
            .body((ctx, in) -> ctx.step("whoami", String.class, s -> s.startedBy().orElse("-"))).build();

    private final FlowDefinition<String, String> parent = FlowDefinition.builder("parent", String.class, String.class)
            .signal("go", String.class)
            .body((ctx, in) -> {
                String step = ctx.step("whoami", String.class, s -> s.startedBy().orElse("-"));
                String body = ctx.startedBy().orElse("-");
                String go = ctx.signal("go", String.class);
                String fromChild = ctx.invoke(child, in);
                return step + "/" + body + "/" + go + "/" + fromChild;
            }).build();

    private final FlowDefinition<String, String> flaky = FlowDefinition.builder("flaky", String.class, String.class)
            .body((ctx, in) -> ctx.step("work", String.class, s -> {
                if (failing.get()) {
                    throw new IllegalStateException("down");
                }
                return "done by " + s.startedBy().orElse("-");
            })).build();

    CallerIdentityTest(TestDatabase db) {
        super(db);
    }

    private Engine engine(FlowDefinition<?, ?>... flows) {
        return fixture.start(b -> b.identity(() -> Optional.ofNullable(caller.get())), flows);
    }

    @Test
    void the_caller_at_the_start_is_recorded_shown_and_read_by_steps_and_children_and_signals_name_their_sender() {
        Engine engine = engine(parent, child);
        FlowHandle<String, String> handle = engine.flow(parent);
        caller.set("grace");
        String runId = handle.start("o-1");
        caller.set("ops-team");
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);

        assertThat(engine.signal(runId, "go", "yes")).isInstanceOf(SignalDeliveryResult.Delivered.class);

        assertThat(handle.result(runId, WAIT)).as("a flow sees the starter, never the later caller")
                .isEqualTo("grace/grace/yes/grace");
        RunInfo info = engine.status(runId);
        assertThat(info.startedBy()).contains("grace");
        assertThat(event(info, "created").actor()).contains("grace");
        assertThat(event(info, "signal_delivered").actor()).contains("ops-team");
        assertThat(event(info, "claimed").actor()).as("the engine's own transitions have no actor").isEmpty();
        assertThat(engine.listRuns(RunQuery.all()).items()).extracting(RunSummary::flowName, RunSummary::startedBy)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("parent", Optional.of("grace")),
                        org.assertj.core.groups.Tuple.tuple("child", Optional.of("grace")));
        String childId = db.sql().row("SELECT CAST(id AS VARCHAR) AS id FROM workflow.runs WHERE flow_name = 'child'")
                .get("id").toString();
        RunInfo childInfo = engine.status(childId);
        assertThat(childInfo.startedBy()).as("a child inherits its parent's caller").contains("grace");
        assertThat(event(childInfo, "created").actor()).as("the engine, not a caller, created the child").isEmpty();
    }

    @Test
    void cancels_and_retries_name_their_caller_and_a_bulk_start_records_it_for_every_run() {
        Engine engine = engine(parent, child, flaky);
        caller.set("grace");
        List<String> ids = engine.flow(parent).startAll(List.of(StartRequest.of("a"), StartRequest.of("b")));
        failing.set(true);
        String flakyId = engine.flow(flaky).start("x");
        caller.set("ops-team");

        assertThat(engine.cancel(ids.get(0), "not needed")).isTrue();
        assertThatThrownBy(() -> engine.flow(flaky).result(flakyId, WAIT)).hasMessageContaining("down");
        failing.set(false);
        assertThat(engine.retry(flakyId)).isInstanceOf(RetryResult.Retried.class);

        assertThat(engine.flow(flaky).result(flakyId, WAIT)).isEqualTo("done by grace");
        assertThat(ids).allSatisfy(id -> assertThat(engine.status(id).startedBy()).contains("grace"));
        assertThat(event(engine.status(ids.get(0)), "canceled").actor()).contains("ops-team");
        assertThat(event(engine.status(flakyId), "retried").actor()).contains("ops-team");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE type = 'created' AND actor = 'grace'"))
                .isEqualTo(3);
    }

    @Test
    void an_anonymous_caller_records_nothing_and_a_name_longer_than_255_characters_is_cut() {
        Engine engine = engine(flaky);
        caller.set("   ");
        String anonymous = engine.flow(flaky).start("a");
        caller.set("x".repeat(300) + "\0");
        String longName = engine.flow(flaky).start("b");

        assertThat(engine.flow(flaky).result(anonymous, WAIT)).isEqualTo("done by -");
        assertThat(engine.status(anonymous).startedBy()).isEmpty();
        assertThat(event(engine.status(anonymous), "created").actor()).isEmpty();
        assertThat(engine.status(longName).startedBy()).contains("x".repeat(255));
    }

    @Test
    void an_engine_without_an_identity_source_records_no_caller() {
        Engine engine = fixture.start(flaky);
        String runId = engine.flow(flaky).start("a");

        assertThat(engine.flow(flaky).result(runId, WAIT)).isEqualTo("done by -");
        assertThat(engine.status(runId).startedBy()).isEmpty();
        assertThat(engine.status(runId).events()).allSatisfy(e -> assertThat(e.actor()).isEmpty());
    }

    private static EventInfo event(RunInfo info, String type) {
        return info.events().stream().filter(e -> e.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + type + " in " + info.events()));
    }
}
