package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.cdi.flows.Greeter;
import io.iterativeflow.cdi.flows.GreetingFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.FlowDataSourceBean;
import io.iterativeflow.cdi.testing.LogRecords;
import io.iterativeflow.cdi.testing.TestConfig;
import io.iterativeflow.jpa.testing.DatabaseTest;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Settings that work but are likely mistakes are logged as warnings at boot; the application still starts. The test
 * database's pool holds 6 connections.
 */
@DatabaseTest(poolSize = 6)
class BootWarningsTest {

    private final DataSource dataSource;

    BootWarningsTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void misspelled_flow_keys_are_listed_and_the_rest_of_the_config_still_applies() {
        List<String> warnings = boot("flow.worker.concurency=4", "flow.retention.older-than=3d",
                "flow.worker.concurrency=2", "other.key=1");

        assertThat(warnings).filteredOn(w -> w.contains("unknown configuration key")).singleElement()
                .satisfies(w -> assertThat(w).contains("flow.retention.older-than, flow.worker.concurency")
                        .contains("flow.worker.concurrency").doesNotContain("other.key"));
        assertThat(warnings).noneMatch(w -> w.contains("pool"));
    }

    @Test
    void per_flow_limit_keys_are_known_and_a_misspelled_setting_is_listed() {
        List<String> warnings = boot("flow.flows.greeting.max-concurrency=3", "flow.flows.greeting.rate-limit=10",
                "flow.flows.greeting.rate-period=1m", "flow.flows.greeting.max-concurency=3",
                "flow.worker.concurrency=2");

        assertThat(warnings).filteredOn(w -> w.contains("unknown configuration key")).singleElement()
                .satisfies(w -> assertThat(w).contains("key(s) flow.flows.greeting.max-concurency are ignored")
                        .contains("per flow flow.flows.<name>.max-concurrency"));
    }

    @Test
    void keys_of_the_rest_module_and_of_the_server_xml_variables_are_not_unknown() {
        List<String> warnings = boot("flow.rest.role=none", "flow.rest.max-wait=1m",
                "flow.db=postgresql", "flow.db.url=jdbc:postgresql://db/app", "flow.db.user=app",
                "flow.worker.concurrency=2");

        assertThat(warnings).noneMatch(w -> w.contains("unknown configuration key"));
    }

    @Test
    void more_concurrent_attempts_than_pooled_connections_is_a_warning() {
        List<String> warnings = boot("flow.worker.concurrency=8");

        assertThat(warnings).anyMatch(w -> w.contains("flow.worker.concurrency is 8 but the data source's pool holds"
                + " at most 6 connections"));
    }

    @Test
    void a_lease_shorter_than_the_default_step_timeout_is_a_warning() {
        assertThat(boot("flow.worker.concurrency=2", "flow.worker.lease=20s", "flow.step.default-timeout=5m"))
                .anyMatch(w -> w.contains("flow.worker.lease (PT20S) is shorter than flow.step.default-timeout"
                        + " (PT5M)"));
        assertThat(boot("flow.worker.concurrency=2", "flow.worker.lease=6m", "flow.step.default-timeout=5m"))
                .noneMatch(w -> w.contains("flow.worker.lease"));
        assertThat(boot("flow.worker.concurrency=2", "flow.step.default-timeout=none"))
                .noneMatch(w -> w.contains("flow.worker.lease"));
        assertThat(boot("flow.worker.concurrency=2")).as("the defaults rely on heartbeats and warn about nothing")
                .noneMatch(w -> w.contains("flow.worker.lease"));
    }

    private List<String> boot(String... config) {
        try (TestConfig c = TestConfig.of(config); LogRecords logs = LogRecords.capture();
                WeldContainer app = Containers.boot(new FlowDataSourceBean(dataSource), GreetingFlow.class,
                        Greeter.class)) {
            assertThat(app.select(FlowEngine.class).get().flow(GreetingFlow.class)).isNotNull();
            return logs.warnings();
        }
    }
}
