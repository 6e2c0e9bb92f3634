package io.iterativeflow.examples.orders;

import java.time.Duration;

import jakarta.inject.Inject;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.ChildFailedException;
import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowSignal;
import io.iterativeflow.api.InvokeOptions;
import io.iterativeflow.api.SignalOptions;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.examples.orders.inventory.Inventory;

/**
 * An order, start to end: validate it, reserve its stock, wait for a person's approval, then ship it through the
 * child flow {@link ShippingFlow} and tell the customer. A rejection, a missing approval (timeout) or a failed
 * shipment releases the stock again (compensation) and ends the order with an outcome that says why.
 */
@Flow(name = OrderFlow.NAME, version = 1)
@FlowSignal(name = OrderFlow.APPROVAL, type = Approval.class)
public class OrderFlow implements FlowBody<Order, OrderOutcome> {

    public static final String NAME = "order";
    public static final String APPROVAL = "approval";

    /** The warehouse is sometimes busy: up to five tries, one second apart. */
    static final StepOptions RESERVE = StepOptions.defaults()
            .withRetries(4)
            .withBackoff(Backoff.fixed(Duration.ofSeconds(1)))
            .withTimeout(Duration.ofSeconds(20));

    @Inject
    Inventory inventory;

    @Inject
    Notifier notifier;

    @Inject
    OrderSettings settings;

    @Override
    public OrderOutcome run(FlowContext ctx, Order order) {
        ctx.step("validate", s -> OrderChecks.check(order));
        Reservation reservation = ctx.step("reserve-stock", Reservation.class, RESERVE,
                s -> inventory.reserve(order.orderId(), order.lines(), s.attempt()));
        if (!reservation.reserved()) {
            String reason = "out of stock: " + String.join("; ", reservation.shortages());
            return end(ctx, order, "OUT_OF_STOCK", reason, null);
        }
        Approval approval;
        try {
            approval = ctx.signal(APPROVAL, Approval.class, SignalOptions.timeout(settings.approvalTimeout()));
        } catch (FlowException e) {
            if (e.code() != FlowErrorCode.SIGNAL_TIMEOUT) {
                throw e;
            }
            return compensate(ctx, order, "EXPIRED", "nobody approved the order in time", null);
        }
        if (!approval.approved()) {
            return compensate(ctx, order, "REJECTED", "rejected: " + reasonOf(approval), approval.approver());
        }
        return ship(ctx, order, approval);
    }

    private OrderOutcome ship(FlowContext ctx, Order order, Approval approval) {
        Shipment shipment;
        try {
            shipment = ctx.invoke(ShippingFlow.class, new ShippingRequest(order.orderId(), order.customer(),
                    order.lines()), InvokeOptions.none().withTags("order-" + order.orderId()));
        } catch (ChildFailedException e) {
            return compensate(ctx, order, "SHIPPING_FAILED", "shipping run " + e.childRunId() + " failed ("
                    + e.code() + ")", approval.approver());
        }
        String text = "your order is on its way with " + shipment.carrier() + ", tracking " + shipment.trackingNumber();
        String notification = ctx.step("notify", String.class, s -> notifier.send(order, text));
        return new OrderOutcome(order.orderId(), "SHIPPED", "approved by " + approval.approver(),
                approval.approver(), shipment, notification);
    }

    /** Gives the reserved stock back, then tells the customer. */
    private OrderOutcome compensate(FlowContext ctx, Order order, String status, String reason, String approver) {
        ctx.step("release-stock", Integer.class, RESERVE.withRetries(10), s -> inventory.release(order.orderId()));
        return end(ctx, order, status, reason, approver);
    }

    private OrderOutcome end(FlowContext ctx, Order order, String status, String reason, String approver) {
        String notification = ctx.step("notify", String.class,
                s -> notifier.send(order, "your order did not go through: " + reason));
        return new OrderOutcome(order.orderId(), status, reason, approver, null, notification);
    }

    private static String reasonOf(Approval approval) {
        return approval.comment() == null || approval.comment().isBlank() ? "no reason given" : approval.comment();
    }
}
