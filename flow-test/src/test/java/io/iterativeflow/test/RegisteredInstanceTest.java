package io.iterativeflow.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.test.flows.Signup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowTestExtension.class)
class RegisteredInstanceTest {

    @Test
    void an_instance_made_by_the_test_runs_with_the_fake_it_was_given(TestFlowEnvironment env) {
        List<String> mails = new ArrayList<>();
        env.register(new Signup(email -> {
            mails.add(email);
            return "mail-" + mails.size();
        }));

        String runId = env.start(Signup.class, "ada@example.org");

        assertThat(env.result(Signup.class, runId)).isEqualTo("mail-1");
        assertThat(mails).containsExactly("ada@example.org");
    }

    @Test
    void a_flow_class_without_a_constructor_the_kit_can_call_is_refused_with_what_to_do(TestFlowEnvironment env) {
        assertThatThrownBy(() -> env.register(Signup.class))
                .isInstanceOfSatisfying(FlowException.class, e -> assertThat(e.code())
                        .isEqualTo(FlowErrorCode.FLOW_INVALID))
                .hasMessageContaining("constructor without arguments").hasMessageContaining("register");
    }

    @Test
    void a_planned_crash_that_never_happens_stays_pending_for_the_extension_to_report(TestFlowEnvironment env) {
        env.register(new Signup(email -> "mail"));
        env.crashAfterStep("welcom");
        env.start(Signup.class, "ada@example.org");

        assertThat(env.pendingCrashes()).containsExactly("welcom");
        env.crashAfterStep("welcome");
        String second = env.start(Signup.class, "bob@example.org");
        env.assertRun(second).hasAttempts(2);
        assertThat(env.pendingCrashes()).containsExactly("welcom");
        env.forgetPlannedCrashes();
    }
}
