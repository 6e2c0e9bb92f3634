package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.cdi.flows.Greeter;
import io.iterativeflow.cdi.flows.GreetingFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.TestConfig;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.Test;

/** Retention settings are checked at deployment, each bad key named; a bad schedule fails even with retention off. */
class InvalidRetentionFailsTheDeploymentTest {

    @Test
    void an_unparseable_schedule_age_or_batch_size_fails_the_deployment_naming_each_key() {
        try (TestConfig config = TestConfig.of("flow.retention.schedule=every night",
                "flow.retention.runs-older-than=soon", "flow.retention.events-older-than=-3d",
                "flow.retention.batch-size=0")) {
            assertThatThrownBy(() -> Containers.boot(GreetingFlow.class, Greeter.class).close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("FLOWCDI020: flow.retention.schedule 'every night' is not a cron"
                            + " expression")
                    .hasMessageContaining("FLOWCDI020: flow.retention.runs-older-than='soon' is not a duration")
                    .hasMessageContaining("FLOWCDI020: flow.retention.events-older-than='-3d' is not a duration")
                    .hasMessageContaining("FLOWCDI020: flow.retention.batch-size must be between 1 and 100000,"
                            + " got 0");
        }
    }

    @Test
    void a_cron_field_out_of_range_fails_the_deployment_while_retention_is_off() {
        try (TestConfig config = TestConfig.of("flow.retention.schedule=61 * * * *")) {
            assertThatThrownBy(() -> Containers.boot(GreetingFlow.class, Greeter.class).close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("FLOWCDI020: flow.retention.schedule '61 * * * *' is not a cron"
                            + " expression");
        }
    }
}
