package io.iterativeflow.examples.orders;

import java.util.List;

/** The input of the {@code shipping} flow. */
public record ShippingRequest(String orderId, String customer, List<OrderLine> lines) {
}
