package io.iterativeflow.examples.orders;

import java.util.List;

/** The input of the {@code order} flow: who orders what. Checked by {@link OrderChecks} in the flow's first step. */
public record Order(String orderId, String customer, String email, List<OrderLine> lines) {
}
