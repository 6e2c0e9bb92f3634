package io.iterativeflow.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.RunStatus;
import io.iterativeflow.test.flows.Approval;
import io.iterativeflow.test.flows.Reminder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@FlowTest(flows = {Reminder.class, Approval.class})
class TimeSkippingTest {

    @Test
    void run_until_idle_runs_what_is_ready_and_leaves_the_sleep_waiting(TestFlowEnvironment env) {
        String runId = env.flow(Reminder.class).start("ada");

        int attempts = env.runUntilIdle();

        assertThat(attempts).isEqualTo(1);
        env.assertRun(runId).hasStatus(RunStatus.SLEEPING).hasSteps("note").hasTimer("three-days", "sleep");
        assertThat(env.runUntilIdle()).as("nothing is due until the clock moves").isZero();
    }

    @Test
    void advancing_the_clock_three_days_ends_a_three_day_sleep(TestFlowEnvironment env) {
        String runId = env.start(Reminder.class, "ada");

        env.advance(Duration.ofDays(3).minusMinutes(1));
        env.assertRun(runId).hasStatus(RunStatus.SLEEPING);
        env.advance(Duration.ofMinutes(1));

        env.assertRun(runId).hasStatus(RunStatus.COMPLETED).hasSteps("note", "remind").hasAttempts(2)
                .hasNoOpenTimers();
        assertThat(env.flow(Reminder.class).output(runId)).contains("reminded ada");
    }

    @Test
    void awaiting_the_end_skips_to_the_next_due_time_by_itself(TestFlowEnvironment env) {
        Instant before = env.now();
        String runId = env.start(Reminder.class, "bob");

        assertThat(env.result(Reminder.class, runId)).isEqualTo("reminded bob");
        assertThat(Duration.between(before, env.now())).isGreaterThanOrEqualTo(Duration.ofDays(3));
    }

    @Test
    void a_signal_is_delivered_and_the_run_goes_on_without_a_thread_of_the_test(TestFlowEnvironment env) {
        String runId = env.start(Approval.class, "leave");
        env.awaitStatus(runId, RunStatus.AWAITING_SIGNAL);

        env.signal(runId, "decision", true);

        env.assertRun(runId).hasStatus(RunStatus.COMPLETED).hasHistory("signal:decision")
                .hasEventsInOrder("created", "completed");
        assertThat(env.result(Approval.class, runId)).isEqualTo("approved leave");
    }

    @Test
    void a_signal_timeout_passes_when_the_clock_skips_past_it(TestFlowEnvironment env) {
        String runId = env.start(Approval.class, "trip");

        assertThat(env.result(Approval.class, runId)).isEqualTo("expired trip");
        env.assertRun(runId).hasTimer("signal:decision", "signal_timeout");
    }
}
