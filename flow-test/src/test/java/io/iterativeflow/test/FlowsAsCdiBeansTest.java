package io.iterativeflow.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.RunStatus;
import io.iterativeflow.test.flows.Greeter;
import io.iterativeflow.test.flows.Greeting;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.ExplicitParamInjection;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

@EnableWeld
@ExplicitParamInjection
@FlowTest(flows = Greeting.class)
class FlowsAsCdiBeansTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(Greeting.class, Greeter.class).build();

    @Inject
    Greeter greeter;

    @Test
    void a_flow_bean_runs_with_the_collaborators_the_container_injects(TestFlowEnvironment env) {
        String runId = env.start(Greeting.class, "Ada");
        env.assertRun(runId).hasStatus(RunStatus.SLEEPING).hasSteps("greet");

        assertThat(env.result(Greeting.class, runId)).isEqualTo("Hello, Ada / Hello, Ada");
        assertThat(greeter.greeted()).as("the container's Greeter bean did the work").containsExactly("Ada", "Ada");
    }

    @Test
    void a_crash_replays_through_the_bean_as_well(TestFlowEnvironment env) {
        env.crashAfterStep("greet-again");

        String runId = env.start(Greeting.class, "Bob");

        assertThat(env.result(Greeting.class, runId)).isEqualTo("Hello, Bob / Hello, Bob");
        assertThat(greeter.greeted()).containsExactly("Bob", "Bob", "Bob");
        env.assertRun(runId).hasAttempts(3).stepTook("greet-again", 1);
    }
}
