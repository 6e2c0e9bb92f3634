package io.iterativeflow.examples.orders;

/**
 * The output of the {@code order} flow: how the order ended and why.
 *
 * @param status {@code SHIPPED}, {@code REJECTED}, {@code EXPIRED} (no approval in time), {@code OUT_OF_STOCK} or
 *     {@code SHIPPING_FAILED}
 * @param reason why it ended so, for people
 * @param approver who decided; null when nobody did
 * @param shipment the shipping run's booking; null unless shipped
 * @param notificationId the id of the message sent to the customer
 */
public record OrderOutcome(String orderId, String status, String reason, String approver, Shipment shipment,
        String notificationId) {
}
