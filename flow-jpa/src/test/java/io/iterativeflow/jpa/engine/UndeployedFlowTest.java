package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.core.config.VersionSettings;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Applications sharing one database, or instances in a rolling deploy, only take runs whose code they have. A run
 * whose version is no longer deployed waits for it, visibly, and fails with FLOW_UNKNOWN only after the grace.
 */
class UndeployedFlowTest extends EngineTestBase {

    private static final Duration GRACE = Duration.ofHours(2);

    private static final FlowDefinition<String, String> BILLING = FlowDefinition.builder("billing", String.class,
            String.class).body((ctx, in) -> ctx.step("bill", String.class, s -> "billed " + in)).build();
    private static final FlowDefinition<String, String> BILLING_V2 = FlowDefinition.builder("billing", String.class,
            String.class).version(2).body((ctx, in) -> ctx.step("bill", String.class, s -> "billed v2 " + in))
            .build();
    private static final FlowDefinition<String, String> SHIPPING = FlowDefinition.builder("shipping", String.class,
            String.class).body((ctx, in) -> "shipped " + in).build();

    UndeployedFlowTest(TestDatabase db) {
        super(db);
    }

    @Test
    void an_engine_leaves_runs_of_flows_it_does_not_deploy_to_the_engines_that_do() {
        Engine shippingOnly = fixture.start(SHIPPING);
        Engine billingApp = fixture.build(UnaryOperator.identity(), BILLING);
        String runId = billingApp.flow(BILLING).start("order-9");

        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> "pending".equals(statusOf(runId)));
        assertThat(shippingOnly.inFlight()).isZero();

        billingApp.start();
        assertThat(billingApp.flow(BILLING).result(runId, WAIT)).isEqualTo("billed order-9");
    }

    @Test
    void a_run_of_an_undeployed_version_waits_visibly_and_completes_when_its_version_comes_back() {
        String runId = fixture.build(UnaryOperator.identity(), BILLING).flow(BILLING).start("order-1");
        Engine onlyV2 = fixture.start(withGrace(), BILLING_V2);

        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> "pending".equals(statusOf(runId)));
        RunInfo info = onlyV2.status(runId);
        assertThat(info.waitingForVersion()).isTrue();
        assertThat(onlyV2.runsWaitingForVersion()).isEqualTo(1);

        Engine withV1 = fixture.start(withGrace(), BILLING, BILLING_V2);
        assertThat(withV1.flow(BILLING).result(runId, WAIT)).isEqualTo("billed order-1");
        assertThat(withV1.status(runId).waitingForVersion()).isFalse();
        assertThat(onlyV2.runsWaitingForVersion()).isZero();
    }

    @Test
    void a_run_that_waited_longer_than_the_grace_fails_with_flow_unknown_naming_the_missing_version() {
        String runId = fixture.build(UnaryOperator.identity(), BILLING).flow(BILLING).start("order-2");
        Engine onlyV2 = fixture.start(withGrace(), BILLING_V2);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> "pending".equals(statusOf(runId)));

        fixture.clock().advance(GRACE.minusMinutes(1));
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> "pending".equals(statusOf(runId)));
        fixture.clock().advance(Duration.ofMinutes(2));

        await().atMost(WAIT).until(() -> "failed".equals(statusOf(runId)));
        Assertions.assertThatThrownBy(() -> onlyV2.flow(BILLING_V2).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.FLOW_UNKNOWN))
                .hasMessageContaining("flow billing@1 is not deployed")
                .hasMessageContaining("flow.versions.undeployed-grace (PT2H)");
        assertThat(onlyV2.status(runId).waitingForVersion()).as("terminal runs wait for nothing").isFalse();
    }

    @Test
    void the_grace_counts_from_when_the_run_became_ready_not_from_when_it_started() {
        String runId = fixture.build(UnaryOperator.identity(), BILLING).flow(BILLING)
                .start("order-4", StartOptions.none().withDelay(GRACE.multipliedBy(3)));
        Engine onlyV2 = fixture.start(withGrace(), BILLING_V2);

        fixture.clock().advance(GRACE.multipliedBy(3).plusMinutes(1));
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> "pending".equals(statusOf(runId)));
        assertThat(onlyV2.status(runId).waitingForVersion()).isTrue();

        fixture.clock().advance(GRACE);
        await().atMost(WAIT).until(() -> "failed".equals(statusOf(runId)));
    }

    @Test
    void an_engine_that_does_not_deploy_the_flow_at_all_never_fails_its_runs() {
        String runId = fixture.build(UnaryOperator.identity(), BILLING).flow(BILLING).start("order-3");
        Engine shippingOnly = fixture.start(withGrace(), SHIPPING);

        fixture.clock().advance(GRACE.multipliedBy(10));

        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> "pending".equals(statusOf(runId)));
        assertThat(shippingOnly.runsWaitingForVersion()).isZero();
    }

    private static UnaryOperator<io.iterativeflow.core.engine.EngineBuilder> withGrace() {
        return builder -> builder.versions(VersionSettings.defaults().withUndeployedGrace(GRACE));
    }
}
