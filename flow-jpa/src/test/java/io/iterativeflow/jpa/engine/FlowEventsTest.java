package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowEvent;
import io.iterativeflow.api.FlowListener;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The {@link FlowEvent} payloads a {@link FlowListener} hears: one per transition, with keys, waits and codes. */
class FlowEventsTest extends EngineTestBase {

    private static final FlowDefinition<String, String> LEAF = FlowDefinition.builder("events-leaf", String.class,
            String.class).body((ctx, in) -> ctx.step("leaf", String.class, s -> in + "!")).build();

    private static final FlowDefinition<String, String> STORY = FlowDefinition.builder("events-story", String.class,
            String.class).body((ctx, in) -> {
                String flaky = ctx.step("flaky", String.class, StepOptions.defaults().withRetries(1)
                        .withBackoff(Backoff.fixed(Duration.ofMillis(1))), s -> {
                            if (s.attempt() == 1) {
                                throw new IllegalStateException("first try fails");
                            }
                            return "ok";
                        });
                ctx.sleep("nap", Duration.ofMillis(20));
                String go = ctx.signal("go", String.class);
                return flaky + go + ctx.invoke(LEAF, in);
            }).build();

    private static final FlowDefinition<String, String> BROKEN = FlowDefinition.builder("events-broken",
            String.class, String.class).body((ctx, in) -> {
                throw new IllegalStateException("no");
            }).build();

    FlowEventsTest(TestDatabase db) {
        super(db);
    }

    @Test
    void each_transition_is_one_event_with_its_cursor_key_wait_outcome_and_code() {
        Lines lines = new Lines();
        Engine engine = fixture.start(b -> b.listener(lines), STORY, LEAF, BROKEN);

        String story = engine.flow(STORY).start("a");
        await().atMost(WAIT).until(() -> "awaiting_signal".equals(statusOf(story)));
        engine.signal(story, "go", "-go-");
        assertThat(engine.flow(STORY).result(story, WAIT)).isEqualTo("ok-go-a!");
        String broken = engine.flow(BROKEN).start("b");
        assertThatThrownBy(() -> engine.flow(BROKEN).result(broken, WAIT)).isInstanceOf(RunFailedException.class);

        await().atMost(WAIT).untilAsserted(() -> assertThat(lines.of(story)).containsExactly(
                "started events-story@1",
                "step flaky flaky 1 FAILED STEP_FAILED",
                "suspended flaky RETRY",
                "step flaky flaky 2 SUCCEEDED -",
                "suspended nap SLEEP",
                "suspended signal:go SIGNAL",
                "suspended invoke:events-leaf@1 CHILD",
                "completed events-story@1"));
        assertThat(lines.all).anyMatch(l -> l.endsWith(" started events-leaf@1"))
                .anyMatch(l -> l.endsWith(" completed events-leaf@1"));
        assertThat(lines.of(broken)).containsExactly("started events-broken@1", "failed events-broken@1 FLOW_FAILED");
    }

    @Test
    void a_cancel_is_an_event_of_the_run_it_canceled() {
        Lines lines = new Lines();
        Engine engine = fixture.start(b -> b.listener(lines), STORY, LEAF);

        String story = engine.flow(STORY).start("c");
        await().atMost(WAIT).until(() -> "awaiting_signal".equals(statusOf(story)));
        engine.cancel(story, "enough");

        await().atMost(WAIT).untilAsserted(() -> assertThat(lines.of(story)).last()
                .isEqualTo("canceled events-story@1"));
    }

    @Test
    void payloads_refuse_what_no_run_has() {
        assertThatThrownBy(() -> new FlowEvent.RunCompleted(null, 1, "r")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flowName");
        assertThatThrownBy(() -> new FlowEvent.RunStarted("f", 0, "r")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flowVersion");
        assertThatThrownBy(() -> new FlowEvent.RunSuspended("f", 1, "r", "k", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("waitingFor");
    }

    /** Every payload as a line: the run's own lines without its id, to compare them in order. */
    private static final class Lines implements FlowListener {

        final List<String> all = new CopyOnWriteArrayList<>();

        @Override
        public void flowEvent(FlowEvent event) {
            all.add(event.runId() + " " + line(event));
        }

        private static String line(FlowEvent event) {
            String run = event.flowName() + "@" + event.flowVersion();
            if (event instanceof FlowEvent.StepFinished e) {
                return "step " + e.cursorKey() + " " + e.stepName() + " " + e.tryNumber() + " " + e.outcome() + " "
                        + e.errorCode().map(Enum::name).orElse("-");
            }
            if (event instanceof FlowEvent.RunSuspended e) {
                return "suspended " + e.cursorKey() + " " + e.waitingFor();
            }
            if (event instanceof FlowEvent.RunFailed e) {
                return "failed " + run + " " + e.errorCode();
            }
            return (event instanceof FlowEvent.RunStarted ? "started "
                    : event instanceof FlowEvent.RunCompleted ? "completed " : "canceled ") + run;
        }

        List<String> of(String runId) {
            return all.stream().filter(l -> l.startsWith(runId + " ")).map(l -> l.substring(runId.length() + 1))
                    .toList();
        }
    }
}
