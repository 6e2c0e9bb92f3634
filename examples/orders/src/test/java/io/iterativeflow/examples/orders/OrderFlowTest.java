package io.iterativeflow.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.ExplicitParamInjection;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.examples.orders.inventory.Inventory;
import io.iterativeflow.examples.orders.inventory.InventorySchema;
import io.iterativeflow.test.FlowTest;
import io.iterativeflow.test.FlowTestExtension;
import io.iterativeflow.test.TestFlowEnvironment;
import io.smallrye.config.inject.ConfigExtension;

/**
 * The order story on the test kit: the flows are the application's beans (Weld), the inventory keeps its stock in the
 * test's database, the settings come from microprofile-config.properties (a ten-minute approval timeout, a
 * five-second pickup, a warehouse that is busy on the first try) and no test waits for any of it.
 */
@EnableWeld
@ExplicitParamInjection
@FlowTest(flows = {OrderFlow.class, ShippingFlow.class})
class OrderFlowTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(OrderFlow.class, ShippingFlow.class, Inventory.class, InventorySchema.class,
                            Notifier.class, Carriers.class, OrderSettings.class)
                    .addExtension(new ConfigExtension()))
            .bindResource("jdbc/flow", FlowTestExtension.dataSource())
            .build();

    @Inject
    Inventory inventory;

    @BeforeEach
    void stock() {
        inventory.release("o-1");
        inventory.restock("kettle", 5);
    }

    private static Order order(int kettles) {
        return new Order("o-1", "Ada", "ada@example.org", List.of(new OrderLine("kettle", kettles)));
    }

    @Test
    void an_approved_order_is_shipped_through_the_child_flow(TestFlowEnvironment env) {
        String runId = env.start(OrderFlow.class, order(2));
        env.assertRun(runId).hasStatus(RunStatus.RETRYING).stepTook("reserve-stock", 1);
        env.awaitStatus(runId, RunStatus.AWAITING_SIGNAL);
        env.assertRun(runId).hasSteps("validate", "reserve-stock").stepTook("reserve-stock", 2);
        assertThat(inventory.level("kettle").orElseThrow().reserved()).isEqualTo(2);

        SignalDeliveryResult delivery = env.signal(runId, OrderFlow.APPROVAL, new Approval(true, "bob", "ok"));

        assertThat(delivery).isInstanceOf(SignalDeliveryResult.Delivered.class);
        OrderOutcome outcome = env.result(OrderFlow.class, runId);
        assertThat(outcome.status()).isEqualTo("SHIPPED");
        assertThat(outcome.shipment().carrier()).isEqualTo("parcel-post");
        env.assertRun(runId).hasStatus(RunStatus.COMPLETED).hasSteps("validate", "reserve-stock", "notify");
        env.assertRun(outcome.shipment().shippingRunId()).hasStatus(RunStatus.COMPLETED)
                .hasSteps("book-carrier").hasTimer("await-pickup", "sleep");
    }

    @Test
    void a_rejected_order_gives_its_stock_back(TestFlowEnvironment env) {
        String runId = env.start(OrderFlow.class, order(3));
        env.awaitStatus(runId, RunStatus.AWAITING_SIGNAL);

        env.signal(runId, OrderFlow.APPROVAL, new Approval(false, "bob", "too many kettles"));

        OrderOutcome outcome = env.result(OrderFlow.class, runId);
        assertThat(outcome.status()).isEqualTo("REJECTED");
        assertThat(outcome.reason()).isEqualTo("rejected: too many kettles");
        assertThat(inventory.level("kettle").orElseThrow().available()).isEqualTo(5);
        env.assertRun(runId).hasSteps("validate", "reserve-stock", "release-stock", "notify");
    }

    @Test
    void an_order_nobody_approves_expires_after_ten_minutes_of_virtual_time(TestFlowEnvironment env) {
        String runId = env.start(OrderFlow.class, order(1));
        env.awaitStatus(runId, RunStatus.AWAITING_SIGNAL);
        env.advance(Duration.ofMinutes(9));
        env.assertRun(runId).hasStatus(RunStatus.AWAITING_SIGNAL).hasTimer("signal:approval", "signal_timeout");

        env.advance(Duration.ofMinutes(1));

        assertThat(env.result(OrderFlow.class, runId).status()).isEqualTo("EXPIRED");
        assertThat(inventory.level("kettle").orElseThrow().available()).isEqualTo(5);
        assertThat(env.signal(runId, OrderFlow.APPROVAL, new Approval(true, "late", null)))
                .isInstanceOf(SignalDeliveryResult.Expired.class);
    }

    @Test
    void an_order_the_stock_cannot_serve_ends_at_once(TestFlowEnvironment env) {
        String runId = env.start(OrderFlow.class, order(6));

        OrderOutcome outcome = env.result(OrderFlow.class, runId);

        assertThat(outcome.status()).isEqualTo("OUT_OF_STOCK");
        assertThat(outcome.reason()).contains("kettle: 6 ordered, 5 available");
    }

    @Test
    void an_invalid_order_fails_without_retries(TestFlowEnvironment env) {
        String runId = env.start(OrderFlow.class, new Order("o-1", "Ada", "nobody", List.of()));

        RunInfo run = env.awaitTerminal(runId);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        env.assertRun(runId).stepTook("validate", 1);
        assertThat(run.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("invalid order"));
    }

    @Test
    void a_crash_after_the_reservation_replays_and_reserves_only_once(TestFlowEnvironment env) {
        env.crashAfterStep("reserve-stock");

        String runId = env.start(OrderFlow.class, order(2));

        env.awaitStatus(runId, RunStatus.AWAITING_SIGNAL);
        env.assertRun(runId).stepTook("reserve-stock", 2).hasAttempts(3);
        assertThat(inventory.level("kettle").orElseThrow())
                .as("the try cut off by the crash reserved, the replayed one found that reservation")
                .extracting(level -> level.available(), level -> level.reserved()).containsExactly(3, 2);
    }
}
