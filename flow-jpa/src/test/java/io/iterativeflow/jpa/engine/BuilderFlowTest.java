package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.InvokeOptions;
import io.iterativeflow.api.Pipeline;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.api.SignalOptions;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Flows built as a static node tree: loops, branches, signals and children, run by the engine on PostgreSQL. */
class BuilderFlowTest extends EngineTestBase {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    BuilderFlowTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_loop_that_sleeps_in_every_iteration_resumes_after_each_replay_and_runs_each_step_once() {
        List<Integer> checks = new CopyOnWriteArrayList<>();
        FlowDefinition<Integer, String> poll = FlowDefinition.builder("poll", Integer.class, String.class)
                .steps(Pipeline.<Integer>start()
                        .loop("until-three", n -> n >= 3, 10, body -> body
                                .sleep("wait", FIVE_MINUTES)
                                .step("check", Integer.class, (n, scope) -> {
                                    checks.add(n);
                                    return n + 1;
                                }))
                        .output(n -> "polled to " + n))
                .build();
        Engine engine = fixture.start(poll);
        FlowHandle<Integer, String> handle = engine.flow(poll);
        String runId = handle.start(0);

        for (int iteration = 1; iteration <= 3; iteration++) {
            int timers = iteration;
            await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.SLEEPING
                    && engine.status(runId).timers().size() == timers);
            assertThat(checks).as("iteration %d waits before its check", iteration).hasSize(iteration - 1);
            fixture.clock().advance(FIVE_MINUTES.plusSeconds(1));
            engine.wake();
        }

        assertThat(handle.result(runId, WAIT)).isEqualTo("polled to 3");
        assertThat(checks).as("each recorded check ran once, with the state of its iteration").containsExactly(0, 1, 2);
        assertThat(engine.status(runId).steps()).extracting(s -> s.cursorKey())
                .containsExactly("check", "check:1", "check:2");
        assertThat(engine.status(runId).timers()).extracting(t -> t.cursorKey())
                .containsExactlyInAnyOrder("wait", "wait:1", "wait:2");
    }

    @Test
    void a_branch_takes_the_arm_its_condition_picks_for_the_state() {
        List<String> ran = new CopyOnWriteArrayList<>();
        FlowDefinition<Integer, String> size = FlowDefinition.builder("size", Integer.class, String.class)
                .steps(Pipeline.<Integer>start()
                        .step("price", Integer.class, (n, scope) -> n * 10)
                        .branch("big", total -> total > 1000,
                                big -> big.step("approve", String.class, (total, scope) -> {
                                    ran.add("approve " + total);
                                    return "approved " + total;
                                }),
                                small -> small.step("accept", String.class, (total, scope) -> {
                                    ran.add("accept " + total);
                                    return "accepted " + total;
                                }))
                        .output(verdict -> verdict + "!"))
                .build();
        Engine engine = fixture.start(size);

        String big = engine.flow(size).start(500);
        String small = engine.flow(size).start(5);

        assertThat(engine.flow(size).result(big, WAIT)).isEqualTo("approved 5000!");
        assertThat(engine.flow(size).result(small, WAIT)).isEqualTo("accepted 50!");
        assertThat(ran).containsExactlyInAnyOrder("approve 5000", "accept 50");
        assertThat(engine.status(big).steps()).extracting(s -> s.cursorKey()).containsExactly("price", "approve");
        assertThat(engine.status(small).steps()).extracting(s -> s.cursorKey()).containsExactly("price", "accept");
    }

    @Test
    void signals_and_children_work_inside_a_builder_flow_and_steps_keep_their_options() {
        FlowDefinition<Integer, Integer> doubler = FlowDefinition.builder("doubler", Integer.class, Integer.class)
                .steps(Pipeline.<Integer>start()
                        .step("times-two", Integer.class, (n, scope) -> n * 2)
                        .output(n -> n))
                .build();
        List<Integer> tries = new CopyOnWriteArrayList<>();
        StepOptions retried = StepOptions.defaults().withRetries(2).withBackoff(Backoff.fixed(Duration.ZERO))
                .withTimeout(Duration.ofSeconds(30));
        FlowDefinition<Integer, String> order = FlowDefinition.builder("approved-order", Integer.class, String.class)
                .steps(Pipeline.<Integer>start()
                        .step("reserve", Integer.class, retried, (n, scope) -> {
                            tries.add(scope.attempt());
                            if (scope.attempt() == 1) {
                                throw new IllegalStateException("stock service busy");
                            }
                            return n + 1;
                        })
                        .signal("approval", Integer.class, SignalOptions.timeout(Duration.ofDays(1)),
                                (n, extra) -> n + extra)
                        .invoke(doubler, InvokeOptions.none().withTags("from-builder"), n -> n, (n, doubled) -> doubled)
                        .output(n -> "total " + n))
                .build();
        Engine engine = fixture.start(order, doubler);
        String runId = engine.flow(order).start(10);

        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);
        SignalDeliveryResult delivered = engine.signal(runId, "approval", 4);

        assertThat(delivered).isInstanceOf(SignalDeliveryResult.Delivered.class);
        assertThat(engine.flow(order).result(runId, WAIT)).isEqualTo("total 30");
        assertThat(tries).as("the step's retry option applied").containsExactly(1, 2);
        assertThat(order.signals()).containsOnlyKeys("approval");
        assertThat(engine.status(runId).steps()).extracting(s -> s.cursorKey() + "/" + s.kind())
                .containsExactly("reserve/step", "signal:approval/signal", "invoke:doubler@1/invoke");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs WHERE parent_run_id = ?::uuid"
                + " AND 'from-builder' = ANY(tags) AND status = 'completed'", runId)).isEqualTo(1);
    }

    @Test
    void a_loop_that_reaches_its_maximum_without_meeting_its_condition_fails_the_run() {
        AtomicInteger rounds = new AtomicInteger();
        FlowDefinition<Integer, Integer> endless = FlowDefinition.builder("endless", Integer.class, Integer.class)
                .steps(Pipeline.<Integer>start()
                        .loop("forever", n -> n < 0, 4, body -> body.step("round", Integer.class, (n, scope) -> {
                            rounds.incrementAndGet();
                            return n + 1;
                        }))
                        .output(n -> n))
                .build();
        Engine engine = fixture.start(endless);
        String runId = engine.flow(endless).start(0);

        assertThatThrownBy(() -> engine.flow(endless).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.LOOP_LIMIT_EXCEEDED))
                .hasMessageContaining("loop 'forever' did 4 iterations");
        assertThat(rounds).as("the failure is not retried").hasValue(4);
    }

    @Test
    void a_step_timeout_inside_a_loop_cuts_the_hanging_try_and_its_retry_goes_on() {
        List<Integer> tries = new CopyOnWriteArrayList<>();
        CountDownLatch never = new CountDownLatch(1);
        StepOptions bounded = StepOptions.defaults().withTimeout(Duration.ofMillis(200)).withRetries(1)
                .withBackoff(Backoff.fixed(Duration.ZERO));
        FlowDefinition<Integer, Integer> calls = FlowDefinition.builder("calls", Integer.class, Integer.class)
                .steps(Pipeline.<Integer>start()
                        .loop("twice", n -> n >= 2, 5, body -> body.step("call", Integer.class, bounded, (n, scope) -> {
                            tries.add(n * 10 + scope.attempt());
                            if (n == 1 && scope.attempt() == 1) {
                                never.await();
                            }
                            return n + 1;
                        }))
                        .output(n -> n))
                .build();
        Engine engine = fixture.start(calls);
        String runId = engine.flow(calls).start(0);

        assertThat(engine.flow(calls).result(runId, WAIT)).isEqualTo(2);
        assertThat(tries).as("iteration 1 timed out on its first try and was retried").containsExactly(1, 11, 12);
        assertThat(engine.status(runId).step("call:1")).hasValueSatisfying(step -> {
            assertThat(step.completed()).isTrue();
            assertThat(step.attempts()).isEqualTo(2);
        });
    }

    @Test
    void a_signal_wait_in_a_loop_consumes_one_signal_per_iteration_under_its_own_key() {
        FlowDefinition<String, String> votes = FlowDefinition.builder("votes", String.class, String.class)
                .steps(Pipeline.<String>start()
                        .loop("collect", s -> s.length() >= 3, 5, body -> body.signal("vote", String.class,
                                (s, vote) -> s + vote))
                        .output(s -> "votes " + s))
                .build();
        Engine engine = fixture.start(votes);
        String runId = engine.flow(votes).start("");

        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);
        List<SignalDeliveryResult> sent = List.of(engine.signal(runId, "vote", "a"), engine.signal(runId, "vote", "b"),
                engine.signal(runId, "vote", "c"));

        assertThat(sent).allSatisfy(r -> assertThat(r).isInstanceOfAny(SignalDeliveryResult.Delivered.class,
                SignalDeliveryResult.Buffered.class));
        assertThat(engine.flow(votes).result(runId, WAIT)).isEqualTo("votes abc");
        assertThat(engine.status(runId).steps()).extracting(s -> s.cursorKey())
                .containsExactly("signal:vote", "signal:vote:1", "signal:vote:2");
    }

    @Test
    void a_signal_wait_with_a_timeout_mapping_goes_on_without_the_signal_when_the_timeout_passes() {
        FlowDefinition<Integer, String> dunning = FlowDefinition.builder("dunning", Integer.class, String.class)
                .steps(Pipeline.<Integer>start()
                        .loop("remind", n -> n >= 3, 5, body -> body.signal("paid", Integer.class, Duration.ofDays(1),
                                (n, amount) -> 100 + amount, n -> n + 1))
                        .output(n -> n >= 100 ? "paid " + (n - 100) : "gave up after " + n))
                .build();
        Engine engine = fixture.start(dunning);
        String runId = engine.flow(dunning).start(0);

        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);
        fixture.clock().advance(Duration.ofDays(1).plusSeconds(1));
        engine.wake();
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL
                && engine.status(runId).timers().size() == 2);
        engine.signal(runId, "paid", 42);

        assertThat(engine.flow(dunning).result(runId, WAIT)).isEqualTo("paid 42");
        assertThat(engine.status(runId).steps()).extracting(step -> step.cursorKey() + "/" + step.kind())
                .containsExactly("signal:paid/signal", "signal:paid:1/signal");
    }
}
