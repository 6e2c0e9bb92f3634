package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.cdi.flows.Greeter;
import io.iterativeflow.cdi.flows.GreetingFlow;
import io.iterativeflow.cdi.invalid.TwoFlowDataSources;
import io.iterativeflow.cdi.invalid.VersionZeroFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.TestConfig;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.Test;

/** Configuration is read and checked once, at deployment; each test boots its own container with its own config. */
class InvalidConfigurationFailsTheDeploymentTest {

    @Test
    void every_invalid_key_is_named_with_its_value_and_what_is_accepted() {
        try (TestConfig config = TestConfig.of("flow.worker.lease=abc", "flow.worker.concurrency=0")) {
            assertThatThrownBy(() -> Containers.boot(GreetingFlow.class, Greeter.class).close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("FLOWCDI020: flow.worker.lease='abc' is not a duration; use a number with"
                            + " ms, s, m, h or d (250ms, 30s, 5m, 3d) or ISO-8601 (PT30S)")
                    .hasMessageContaining("FLOWCDI020: flow.worker.concurrency must be between 1 and 1024, got 0");
        }
    }

    @Test
    void configuration_problems_and_flow_problems_are_reported_together() {
        try (TestConfig config = TestConfig.of("flow.schema.migrate=maybe", "flow.step.default-timeout=forever")) {
            assertThatThrownBy(() -> Containers.boot(VersionZeroFlow.class).close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("FLOWCDI020: flow.schema.migrate='maybe' is not a boolean; use true or"
                            + " false")
                    .hasMessageContaining("FLOWCDI020: flow.step.default-timeout='forever' is not a duration")
                    .hasMessageContaining("or none to disable it")
                    .hasMessageContaining("FLOWCDI004");
        }
    }

    @Test
    void two_flow_data_source_beans_are_ambiguous() {
        try (TestConfig config = TestConfig.of()) {
            assertThatThrownBy(() -> Containers.boot(TwoFlowDataSources.class, GreetingFlow.class, Greeter.class)
                    .close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("FLOWCDI011: more than one DataSource bean is qualified @FlowDataSource");
        }
    }

    @Test
    void without_a_flow_data_source_bean_or_jndi_the_application_fails_to_start_saying_what_to_provide() {
        try (TestConfig config = TestConfig.of("flow.datasource=jdbc/orders")) {
            assertThatThrownBy(() -> Containers.boot(GreetingFlow.class, Greeter.class).close())
                    .hasStackTraceContaining("FLOWCDI030: no data source for iterativeflow")
                    .hasStackTraceContaining("the JNDI lookup of 'jdbc/orders' (flow.datasource) failed");
        }
    }
}
