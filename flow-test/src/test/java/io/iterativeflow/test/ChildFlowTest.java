package io.iterativeflow.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.test.flows.Parcel;
import io.iterativeflow.test.flows.Reminder;
import org.junit.jupiter.api.Test;

@FlowTest(flows = {Parcel.class, Reminder.class})
class ChildFlowTest {

    @Test
    void a_parent_waits_for_its_sleeping_child_and_both_finish_when_the_clock_skips(TestFlowEnvironment env) {
        String runId = env.start(Parcel.class, "ada");
        env.assertRun(runId).hasStatus(RunStatus.AWAITING_CHILD);

        assertThat(env.result(Parcel.class, runId)).isEqualTo("delivered after reminded ada");
        env.assertRun(runId).hasStatus(RunStatus.COMPLETED).hasSteps("deliver");
    }

    @Test
    void a_child_flow_the_test_did_not_register_fails_the_parent_with_its_name(TestFlowEnvironment env) {
        TestFlowEnvironment parentOnly = new TestFlowEnvironment(TestStore.get()).register(Parcel.class);
        try {
            String runId = parentOnly.start(Parcel.class, "ada");
            RunInfo run = parentOnly.awaitTerminal(runId);
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("Reminder"));
        } finally {
            parentOnly.close();
        }
    }
}
