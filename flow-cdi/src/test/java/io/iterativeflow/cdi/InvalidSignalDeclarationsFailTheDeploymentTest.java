package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.cdi.invalid.BadSignalNameFlow;
import io.iterativeflow.cdi.invalid.ConflictingSignalsFlow;
import io.iterativeflow.cdi.invalid.VersionZeroFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.TestConfig;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @FlowSignal} mistakes fail the deployment, listed with the other problems, before any database is used. */
class InvalidSignalDeclarationsFailTheDeploymentTest {

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
    void one_signal_name_declared_with_two_payload_types_fails_the_deployment() {
        assertThatThrownBy(() -> Containers.boot(ConflictingSignalsFlow.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("FLOWCDI040: @Flow class " + ConflictingSignalsFlow.class.getName()
                        + " has invalid @FlowSignal declarations: signal 'decision' is declared as java.lang.String"
                        + " and as java.lang.Boolean");
    }

    @Test
    void a_signal_name_with_a_reserved_character_is_reported_with_the_other_problems() {
        assertThatThrownBy(() -> Containers.boot(BadSignalNameFlow.class, VersionZeroFlow.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("FLOWCDI040: @Flow class " + BadSignalNameFlow.class.getName())
                .hasMessageContaining("signal name 'go:now' must not contain ':' or '#'")
                .hasMessageContaining("FLOWCDI004");
    }
}
