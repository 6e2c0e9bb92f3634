package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowListener;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.Listeners;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListenerTest extends EngineTestBase {

    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /**
     * Held here: the log manager keeps loggers only weakly, and until the engine's class has created its own, a
     * collected logger would take the handler with it.
     */
    private final Logger log = Logger.getLogger(Listeners.class.getName());

    ListenerTest(TestDatabase db) {
        super(db);
    }

    @BeforeEach
    void captureLog() {
        log.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
    }

    private static final FlowDefinition<String, String> ECHO = FlowDefinition.builder("echo", String.class,
            String.class).body((ctx, in) -> ctx.step("shout", String.class, s -> in.toUpperCase())).build();

    private static final FlowDefinition<String, String> FLAKY = FlowDefinition.builder("flaky", String.class,
            String.class).body((ctx, in) -> ctx.step("fail", String.class, StepOptions.defaults().withRetries(0),
                    s -> {
                        throw new IllegalStateException("no");
                    })).build();

    private static final FlowDefinition<String, String> NAP = FlowDefinition.builder("nap", String.class,
            String.class).body((ctx, in) -> {
                ctx.sleep("nap", Duration.ofHours(1));
                return in;
            }).build();

    @Test
    void a_throwing_listener_is_reported_once_and_the_engine_goes_on() {
        AtomicInteger calls = new AtomicInteger();
        FlowListener broken = new FlowListener() {
            @Override
            public void runStarted(RunEvent run) {
                calls.incrementAndGet();
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void runCompleted(RunEvent run) {
                calls.incrementAndGet();
                throw new IllegalStateException("listener bug");
            }
        };
        Recording recording = new Recording();
        Engine engine = fixture.start(b -> b.listener(broken).listener(recording), ECHO);

        for (int i = 0; i < 3; i++) {
            String runId = engine.flow(ECHO).start("run " + i);
            assertThat(engine.flow(ECHO).result(runId, WAIT)).isEqualTo("RUN " + i);
        }

        assertThat(calls).as("never called after it threw").hasValue(1);
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.getMessage()).contains(broken.getClass().getName(), "runStarted", "no longer called");
            assertThat(w.getThrown()).hasMessage("listener bug");
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(recording.events)
                .filteredOn(e -> e.startsWith("completed")).hasSize(3));
        assertThat(recording.events).filteredOn(e -> e.startsWith("started")).hasSize(3);
    }

    @Test
    void a_listener_hears_of_starts_steps_suspensions_failures_cancels_and_sweeps() {
        Recording recording = new Recording();
        Engine engine = fixture.start(b -> b.listener(recording), ECHO, FLAKY, NAP);

        String echo = engine.flow(ECHO).start("a");
        engine.flow(ECHO).result(echo, WAIT);
        String flaky = engine.flow(FLAKY).start("b");
        assertThatThrownBy(() -> engine.flow(FLAKY).result(flaky, WAIT)).isInstanceOf(RunFailedException.class);
        String nap = engine.flow(NAP).start("c");
        await().atMost(WAIT).until(() -> "sleeping".equals(statusOf(nap)));
        engine.cancel(nap, "enough");

        await().atMost(WAIT).untilAsserted(() -> assertThat(recording.events).contains(
                "started echo@1 " + echo,
                "step echo shout 1 succeeded",
                "completed echo@1 " + echo,
                "step flaky fail 1 failed",
                "failed flaky@1 " + flaky + " " + FlowErrorCode.STEP_FAILED,
                "suspended nap@1 " + nap,
                "canceled nap@1 " + nap,
                "swept"));
        assertThat(recording.events).doesNotContain("completed nap@1 " + nap);
    }

    /** Records what it hears as short lines. */
    private static final class Recording implements FlowListener {

        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void runStarted(RunEvent run) {
            events.add("started " + id(run));
        }

        @Override
        public void runCompleted(RunEvent run) {
            events.add("completed " + id(run));
        }

        @Override
        public void runFailed(RunEvent run, FlowErrorCode code) {
            events.add("failed " + id(run) + " " + code);
        }

        @Override
        public void runCanceled(RunEvent run) {
            events.add("canceled " + id(run));
        }

        @Override
        public void runSuspended(RunEvent run) {
            events.add("suspended " + id(run));
        }

        @Override
        public void stepFinished(StepEvent step) {
            events.add("step " + step.run().flowName() + " " + step.stepName() + " " + step.tryNumber() + " "
                    + (step.duration().isNegative() ? "negative duration" : step.outcome()));
        }

        @Override
        public void reconcilerSwept(int reclaimedRuns) {
            if (!events.contains("swept")) {
                events.add("swept");
            }
        }

        private static String id(RunEvent run) {
            return run.flowName() + "@" + run.flowVersion() + " " + run.runId();
        }
    }
}
