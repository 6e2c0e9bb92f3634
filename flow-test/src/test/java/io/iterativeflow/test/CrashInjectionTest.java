package io.iterativeflow.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.RunStatus;
import io.iterativeflow.test.flows.Payment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@FlowTest(flows = Payment.class)
class CrashInjectionTest {

    @BeforeEach
    void forgetTries() {
        Payment.TRIES.clear();
    }

    @Test
    void a_crash_after_a_step_makes_the_next_attempt_replay_and_run_that_step_again(TestFlowEnvironment env) {
        env.crashAfterStep("charge");

        String runId = env.start(Payment.class, 0);

        assertThat(env.result(Payment.class, runId)).isEqualTo("r-1/c-1");
        assertThat(Payment.TRIES).as("reserve was recorded before the crash, so it never runs again; charge"
                + " did its work, but its record was lost with the process").containsExactly("reserve", "charge",
                "charge", "confirm");
        env.assertRun(runId).hasStatus(RunStatus.COMPLETED).hasSteps("reserve", "charge", "confirm")
                .stepTook("charge", 1).hasAttempts(2).hasEventsInOrder("created", "claimed", "step_completed",
                        "claimed", "step_completed", "completed");
    }

    @Test
    void without_a_planned_crash_every_step_runs_once(TestFlowEnvironment env) {
        String runId = env.start(Payment.class, 0);

        env.assertRun(runId).hasStatus(RunStatus.COMPLETED).hasAttempts(1);
        assertThat(Payment.TRIES).containsExactly("reserve", "charge", "confirm");
    }

    @Test
    void retries_wait_their_back_off_in_virtual_time(TestFlowEnvironment env) {
        String runId = env.start(Payment.class, 2);
        env.assertRun(runId).hasStatus(RunStatus.RETRYING).stepTook("charge", 1);

        assertThat(env.awaitStep(runId, "charge").resultJson()).contains("\"c-3\"");
        env.assertRun(runId).stepTook("charge", 3).hasAttempts(3);
        assertThat(env.result(Payment.class, runId)).isEqualTo("r-1/c-3");
    }
}
