package io.iterativeflow.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.test.flows.Approval;
import io.iterativeflow.test.flows.Parcel;
import io.iterativeflow.test.flows.Reminder;
import io.iterativeflow.test.flows.Unregistered;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@FlowTest(flows = {Approval.class, Reminder.class})
class MisuseTest {

    @Test
    void the_clock_never_goes_back(TestFlowEnvironment env) {
        String runId = env.start(Reminder.class, "ada");

        assertThatThrownBy(() -> env.advance(Duration.ofSeconds(-1)))
                .isInstanceOfSatisfying(FlowException.class, e -> assertThat(e.code())
                        .isEqualTo(FlowErrorCode.ARGUMENT_INVALID))
                .hasMessageContaining("only moves forward").hasMessageContaining("PT-1S");
        assertThatThrownBy(() -> env.advance(null)).isInstanceOf(FlowException.class);
        env.advance(Duration.ofDays(3).minusSeconds(10));
        env.assertRun(runId).hasStatus(RunStatus.SLEEPING);
    }

    @Test
    void a_flow_the_test_did_not_register_is_refused_with_what_to_do(TestFlowEnvironment env) {
        assertThatThrownBy(() -> env.flow(Unregistered.class))
                .isInstanceOfSatisfying(FlowException.class, e -> assertThat(e.code())
                        .isEqualTo(FlowErrorCode.FLOW_UNKNOWN))
                .hasMessageContaining(Unregistered.class.getName()).hasMessageContaining("@FlowTest(flows = ...)");
        assertThatThrownBy(() -> env.start(Unregistered.class, "x")).isInstanceOf(FlowException.class);
    }

    @Test
    void flows_are_registered_before_the_first_run(TestFlowEnvironment env) {
        env.runUntilIdle();

        assertThatThrownBy(() -> env.register(Parcel.class))
                .isInstanceOfSatisfying(FlowException.class, e -> assertThat(e.code())
                        .isEqualTo(FlowErrorCode.ARGUMENT_INVALID))
                .hasMessageContaining("before the first start");
    }

    @Test
    void waiting_for_what_only_the_test_can_do_says_so_instead_of_hanging(TestFlowEnvironment env) {
        String runId = env.start(Approval.class, "x");

        assertThatThrownBy(() -> env.awaitStatus(runId, RunStatus.CANCELED))
                .isInstanceOfSatisfying(FlowException.class, e -> assertThat(e.code())
                        .isEqualTo(FlowErrorCode.WAIT_UNSATISFIABLE))
                .hasMessageContaining("ended without reaching status CANCELED");
        assertThatThrownBy(() -> env.status("not-a-run")).isInstanceOf(FlowException.class);
        assertThatThrownBy(() -> env.awaitTerminal(null)).isInstanceOf(FlowException.class);
    }

    @Test
    void a_failed_history_assertion_names_the_expectation_and_shows_the_run(TestFlowEnvironment env) {
        String runId = env.start(Reminder.class, "ada");

        assertThatThrownBy(() -> env.assertRun(runId).hasStatus(RunStatus.COMPLETED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected status completed")
                .hasMessageContaining("status sleeping, history [note], open timers [three-days]");
    }
}
