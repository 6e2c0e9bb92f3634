package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Applications sharing one database, or instances in a rolling deploy, only take runs whose code they have. */
class UndeployedFlowTest extends EngineTestBase {

    private static final FlowDefinition<String, String> BILLING = FlowDefinition.builder("billing", String.class,
            String.class).body((ctx, in) -> ctx.step("bill", String.class, s -> "billed " + in)).build();
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
}
