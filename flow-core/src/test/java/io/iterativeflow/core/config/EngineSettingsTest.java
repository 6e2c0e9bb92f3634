package io.iterativeflow.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {

    @Test
    void defaults_are_valid_and_heartbeat_is_a_third_of_the_lease() {
        EngineSettings defaults = EngineSettings.defaults();
        assertThat(defaults.problems()).isEmpty();
        assertThat(defaults.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void every_invalid_value_is_listed_with_its_key() {
        EngineSettings bad = EngineSettings.defaults().withConcurrency(0).withMaxRunAttempts(-1)
                .withLeaseDuration(Duration.ofMillis(5)).withDefaultStepTimeout(Optional.of(Duration.ZERO));
        assertThat(bad.problems()).hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("flow.worker.concurrency"))
                .anySatisfy(p -> assertThat(p).contains("flow.max-run-attempts"))
                .anySatisfy(p -> assertThat(p).contains("flow.worker.lease"))
                .anySatisfy(p -> assertThat(p).contains("flow.step.default-timeout"));
        assertThatThrownBy(bad::validated).hasMessageContaining("flow.worker.concurrency")
                .hasMessageContaining("flow.worker.lease");
    }

    @Test
    void with_methods_copy_and_leave_the_original_unchanged() {
        EngineSettings original = EngineSettings.defaults();
        EngineSettings changed = original.withConcurrency(3).withPollInterval(Duration.ofMillis(50));
        assertThat(changed.concurrency()).isEqualTo(3);
        assertThat(changed.pollInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(original.concurrency()).isEqualTo(8);
    }
}
