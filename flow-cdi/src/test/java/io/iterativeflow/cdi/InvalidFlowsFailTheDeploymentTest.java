package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.cdi.flows.DoublingFlows;
import io.iterativeflow.cdi.invalid.AbstractFlow;
import io.iterativeflow.cdi.invalid.BadNameFlow;
import io.iterativeflow.cdi.invalid.DuplicateDoublingFlow;
import io.iterativeflow.cdi.invalid.FailingDefinitionProducer;
import io.iterativeflow.cdi.invalid.GenericFlow;
import io.iterativeflow.cdi.invalid.NotAFlowBody;
import io.iterativeflow.cdi.invalid.RequestScopedFlow;
import io.iterativeflow.cdi.invalid.VersionZeroFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.TestConfig;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every test boots its own container, which must fail at deployment, before any database is needed. */
class InvalidFlowsFailTheDeploymentTest {

    private TestConfig config;

    @BeforeEach
    void noConfig() {
        config = TestConfig.of();
    }

    @AfterEach
    void removeConfig() {
        config.close();
    }

    @Test
    void an_annotated_flow_with_the_name_and_version_of_a_produced_one_is_a_duplicate() {
        assertDeploymentFails(DuplicateDoublingFlow.class, DoublingFlows.class)
                .hasMessageContaining("FLOWCDI006: flow doubling@1 is defined more than once, by @Flow class "
                        + DuplicateDoublingFlow.class.getName() + " and by producer method "
                        + DoublingFlows.class.getName() + ".doubling()");
    }

    @Test
    void version_zero_is_refused() {
        assertDeploymentFails(VersionZeroFlow.class)
                .hasMessageContaining("FLOWCDI004: @Flow class " + VersionZeroFlow.class.getName()
                        + " declares version 0; versions start at 1");
    }

    @Test
    void a_request_scoped_flow_is_refused_because_flows_run_on_engine_threads() {
        assertDeploymentFails(RequestScopedFlow.class)
                .hasMessageContaining("FLOWCDI005: @Flow class " + RequestScopedFlow.class.getName()
                        + " is @RequestScoped");
    }

    @Test
    void a_flow_class_that_does_not_implement_flow_body_is_refused() {
        assertDeploymentFails(NotAFlowBody.class)
                .hasMessageContaining("FLOWCDI001: @Flow class " + NotAFlowBody.class.getName()
                        + " does not implement io.iterativeflow.api.FlowBody<I, O>");
    }

    @Test
    void a_flow_whose_input_type_is_a_type_variable_is_refused() {
        assertDeploymentFails(GenericFlow.class)
                .hasMessageContaining("FLOWCDI002: @Flow class " + GenericFlow.class.getName()
                        + " implements FlowBody<T, java.lang.String>");
    }

    @Test
    void an_invalid_flow_name_is_refused_with_the_rule_it_breaks() {
        assertDeploymentFails(BadNameFlow.class)
                .hasMessageContaining("FLOWCDI003: @Flow class " + BadNameFlow.class.getName()
                        + " has an invalid flow name: flow name 'no spaces allowed' may only hold letters");
    }

    @Test
    void flow_on_an_abstract_class_is_refused_instead_of_being_ignored() {
        assertDeploymentFails(AbstractFlow.class)
                .hasMessageContaining("FLOWCDI007: @Flow class " + AbstractFlow.class.getName()
                        + " can never be a bean because it is abstract");
    }

    @Test
    void a_producer_that_throws_names_the_producer_and_the_cause() {
        assertDeploymentFails(FailingDefinitionProducer.class)
                .hasMessageContaining("FLOWCDI008: producer method " + FailingDefinitionProducer.class.getName()
                        + ".broken() failed to create its FlowDefinition")
                .hasMessageContaining("version must be 1 or more, got 0");
    }

    @Test
    void every_problem_is_reported_at_once() {
        assertDeploymentFails(DuplicateDoublingFlow.class, DoublingFlows.class, VersionZeroFlow.class,
                RequestScopedFlow.class, NotAFlowBody.class, BadNameFlow.class)
                .hasMessageContainingAll("FLOWCDI001", "FLOWCDI003", "FLOWCDI004", "FLOWCDI005", "FLOWCDI006");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertDeploymentFails(Class<?>... beans) {
        return assertThatThrownBy(() -> Containers.boot(beans).close())
                .isInstanceOf(DeploymentException.class);
    }
}
