package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SleepTest extends EngineTestBase {

    SleepTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_sleep_until_an_instant_in_the_past_returns_at_once_and_records_no_timer() {
        FlowDefinition<String, String> past = FlowDefinition.builder("past", String.class, String.class)
                .body((ctx, in) -> {
                    ctx.sleepUntil(Instant.parse("2001-01-01T00:00:00Z"));
                    ctx.sleep(Duration.ZERO);
                    return "done";
                }).build();
        Engine engine = fixture.start(past);
        String runId = engine.flow(past).start("x");

        assertThat(engine.flow(past).result(runId, WAIT)).isEqualTo("done");
        assertThat(engine.status(runId).timers()).isEmpty();
    }

    @Test
    void a_sleep_in_the_future_suspends_the_run_until_the_clock_passes_it() {
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        FlowDefinition<String, String> nap = FlowDefinition.builder("nap", String.class, String.class)
                .body((ctx, in) -> {
                    ctx.step("before", Integer.class, s -> before.incrementAndGet());
                    ctx.sleep("cooling-off", Duration.ofHours(24));
                    ctx.step("after", Integer.class, s -> after.incrementAndGet());
                    return "woke";
                }).build();
        Engine engine = fixture.start(nap);
        FlowHandle<String, String> handle = engine.flow(nap);
        String runId = handle.start("x");

        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.SLEEPING);
        assertThat(engine.status(runId).timers()).singleElement().satisfies(timer -> {
            assertThat(timer.cursorKey()).isEqualTo("cooling-off");
            assertThat(timer.kind()).isEqualTo("sleep");
            assertThat(timer.firedAt()).isEmpty();
        });
        assertThat(after).hasValue(0);
        assertThat(handle.output(runId)).isEmpty();

        fixture.clock().advance(Duration.ofHours(24).plusSeconds(1));
        engine.wake();

        assertThat(handle.result(runId, WAIT)).isEqualTo("woke");
        assertThat(before).as("a recorded step never runs again").hasValue(1);
        assertThat(after).hasValue(1);
        assertThat(handle.output(runId)).contains("woke");
    }

    @Test
    void a_sleep_until_an_instant_in_the_future_keeps_its_due_time_across_attempts() {
        Instant due = Instant.now().plus(Duration.ofDays(3));
        FlowDefinition<String, String> until = FlowDefinition.builder("until", String.class, String.class)
                .body((ctx, in) -> {
                    ctx.sleepUntil("deadline", due);
                    return "at " + ctx.now().isAfter(due);
                }).build();
        Engine engine = fixture.start(until);
        String runId = engine.flow(until).start("x");

        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.SLEEPING);
        assertThat(engine.status(runId).timers()).singleElement()
                .satisfies(t -> assertThat(t.dueAt()).isEqualTo(due.truncatedTo(ChronoUnit.MICROS)));
        fixture.clock().advance(Duration.ofDays(3).plusMinutes(1));
        engine.wake();
        assertThat(engine.flow(until).result(runId, WAIT)).isEqualTo("at true");
    }
}
