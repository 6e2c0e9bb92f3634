package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.cdi.flows.CappedFlow;
import io.iterativeflow.cdi.invalid.BadLimitsFlow;
import io.iterativeflow.cdi.invalid.PeriodWithoutRateFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.FlowDataSourceBean;
import io.iterativeflow.cdi.testing.TestConfig;
import io.iterativeflow.jpa.testing.DatabaseTest;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @Flow(maxConcurrency, rateLimit, ratePeriod)} and {@code flow.flows.<name>.*} are checked at deployment, every
 * problem named; the configuration overrides the annotation.
 */
@DatabaseTest
class FlowLimitsAreCheckedAndKeptTest {

    private static DataSource dataSource;

    @BeforeAll
    static void database(DataSource database) {
        dataSource = database;
    }

    @Test
    void invalid_annotation_limits_fail_the_deployment_listing_every_problem() {
        try (TestConfig config = TestConfig.of()) {
            assertThatThrownBy(() -> Containers.boot(BadLimitsFlow.class, PeriodWithoutRateFlow.class).close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("FLOWCDI012: @Flow class " + BadLimitsFlow.class.getName()
                            + " has an invalid limit: @Flow(maxConcurrency = 0); use 1 or more, or leave it unset"
                            + " for no limit")
                    .hasMessageContaining("FLOWCDI012: @Flow class " + BadLimitsFlow.class.getName()
                            + " has an invalid limit: @Flow(rateLimit = -5)")
                    .hasMessageContaining("@Flow(ratePeriod = \"10ms\"); use a duration of 1s or more")
                    .hasMessageContaining("FLOWCDI012: @Flow class " + PeriodWithoutRateFlow.class.getName()
                            + " has an invalid limit: @Flow(ratePeriod = \"1m\") without a rateLimit");
        }
    }

    @Test
    void invalid_configured_limits_fail_the_deployment_naming_each_key() {
        try (TestConfig config = TestConfig.of("flow.flows.capped.max-concurrency=0",
                "flow.flows.capped.rate-limit=many", "flow.flows.capped.rate-period=100ms")) {
            assertThatThrownBy(() -> Containers.boot(new FlowDataSourceBean(dataSource), CappedFlow.class).close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("FLOWCDI020: flow.flows.capped.max-concurrency must be 1 or more, got 0")
                    .hasMessageContaining("FLOWCDI020: flow.flows.capped.rate-limit='many' is not a whole number")
                    .hasMessageContaining("FLOWCDI020: flow.flows.capped.rate-period must be at least 1s, got"
                            + " PT0.1S");
        }
    }

    @Test
    void the_configured_limit_overrides_the_annotation_and_holds() {
        CappedFlow.GATE.drainPermits();
        CappedFlow.MAX.set(0);
        try (TestConfig config = TestConfig.of("flow.flows.capped.max-concurrency=1",
                "flow.worker.poll-interval=100ms", "flow.shutdown.timeout=2s");
                WeldContainer app = Containers.boot(new FlowDataSourceBean(dataSource), CappedFlow.class)) {
            FlowHandle<String, String> capped = app.select(FlowEngine.class).get().flow(CappedFlow.class);
            List<String> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(capped.start("run-" + i));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> CappedFlow.RUNNING.get() == 1);
            CappedFlow.GATE.release(100);
            for (int i = 0; i < runs.size(); i++) {
                assertThat(capped.result(runs.get(i), Duration.ofSeconds(30))).isEqualTo("run-" + i);
            }
            assertThat(CappedFlow.MAX.get()).isEqualTo(1);
        } finally {
            CappedFlow.GATE.release(100);
        }
    }
}
