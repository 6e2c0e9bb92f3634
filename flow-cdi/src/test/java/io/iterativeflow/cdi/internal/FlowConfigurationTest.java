package io.iterativeflow.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.config.InvokeLimits;
import io.iterativeflow.core.config.PayloadLimits;
import io.iterativeflow.core.config.RetentionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlowConfigurationTest {

    private final List<Problem> problems = new ArrayList<>();

    private FlowConfiguration read(Map<String, String> values) {
        return FlowConfiguration.read(key -> Optional.ofNullable(values.get(key)), problems);
    }

    @Test
    void without_any_key_every_default_applies() {
        FlowConfiguration config = read(Map.of());

        assertThat(problems).isEmpty();
        assertThat(config.engine()).isEqualTo(EngineSettings.defaults());
        assertThat(config.engine().defaultStepTimeout()).contains(Duration.ofMinutes(10));
        assertThat(config.dataSourceName()).isEqualTo("jdbc/flow");
        assertThat(config.migrate()).isTrue();
        assertThat(config.instanceId()).isEmpty();
        assertThat(config.executorName()).isEqualTo("java:comp/DefaultManagedExecutorService");
        assertThat(config.schedulerName()).isEqualTo("java:comp/DefaultManagedScheduledExecutorService");
    }

    @Test
    void every_key_is_read_in_short_and_iso_forms() {
        FlowConfiguration config = read(Map.ofEntries(
                Map.entry("flow.worker.concurrency", "4"),
                Map.entry("flow.worker.poll-interval", "250ms"),
                Map.entry("flow.worker.lease", "PT1M"),
                Map.entry("flow.worker.claim-batch-size", " 32 "),
                Map.entry("flow.reconciler.interval", "2m"),
                Map.entry("flow.max-run-attempts", "5"),
                Map.entry("flow.step.default-timeout", "1h"),
                Map.entry("flow.shutdown.timeout", "0s"),
                Map.entry("flow.datasource", "jdbc/orders"),
                Map.entry("flow.schema.migrate", "off"),
                Map.entry("flow.instance-id", "node-1"),
                Map.entry("flow.worker.executor", "concurrent/flows"),
                Map.entry("flow.worker.scheduler", "concurrent/flowTimers")));

        assertThat(problems).isEmpty();
        assertThat(config.engine()).isEqualTo(new EngineSettings(4, Duration.ofMillis(250), Duration.ofMinutes(1),
                Duration.ofMinutes(2), 5, Optional.of(Duration.ofHours(1)), Duration.ZERO, 32,
                PayloadLimits.defaults(), RetentionSettings.off(), InvokeLimits.defaults()));
        assertThat(config).extracting(FlowConfiguration::dataSourceName, FlowConfiguration::migrate,
                FlowConfiguration::instanceId, FlowConfiguration::executorName, FlowConfiguration::schedulerName)
                .containsExactly("jdbc/orders", false, Optional.of("node-1"), "concurrent/flows",
                        "concurrent/flowTimers");
    }

    @Test
    void none_disables_the_default_step_timeout() {
        assertThat(read(Map.of("flow.step.default-timeout", "NONE")).engine().defaultStepTimeout()).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void every_bad_value_is_reported_with_its_key_in_one_pass() {
        read(Map.of("flow.worker.concurrency", "eight",
                "flow.worker.lease", "abc",
                "flow.max-run-attempts", "0",
                "flow.worker.poll-interval", "1ms",
                "flow.schema.migrate", "sometimes",
                "flow.instance-id", "x".repeat(201)));

        assertThat(problems).extracting(Problem::text).containsExactlyInAnyOrder(
                "FLOWCDI020: flow.worker.concurrency='eight' is not a whole number; use digits only, such as 8",
                "FLOWCDI020: flow.worker.lease='abc' is not a duration; use a number with ms, s, m, h or d (250ms,"
                        + " 30s, 5m, 3d) or ISO-8601 (PT30S)",
                "FLOWCDI020: flow.max-run-attempts must be between 1 and 1000000, got 0",
                "FLOWCDI020: flow.worker.poll-interval must be at least PT0.01S, got PT0.001S",
                "FLOWCDI020: flow.schema.migrate='sometimes' is not a boolean; use true or false",
                "FLOWCDI020: flow.instance-id is 201 characters long; use 1 to 200");
    }

    @Test
    void a_value_the_config_cannot_produce_is_a_problem_not_a_crash() {
        FlowConfiguration.read(key -> {
            throw new IllegalStateException("unresolved ${flow.env}");
        }, problems);

        assertThat(problems).first().extracting(Problem::text).asString()
                .startsWith("FLOWCDI020: flow.worker.concurrency cannot be read: unresolved ${flow.env}");
    }
}
