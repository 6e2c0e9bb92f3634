package io.iterativeflow.examples.orders;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.iterativeflow.api.PermanentFailureException;

/** The {@code validate} step: an order that can never succeed fails its run at once, without retries. */
public final class OrderChecks {

    static final int MAX_LINES = 20;
    static final int MAX_QUANTITY = 100;

    private OrderChecks() {
    }

    public static void check(Order order) {
        List<String> problems = problems(order);
        if (!problems.isEmpty()) {
            throw new PermanentFailureException("invalid order: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Order order) {
        List<String> problems = new ArrayList<>();
        if (order.orderId() == null || order.orderId().isBlank()) {
            problems.add("orderId is missing");
        }
        if (order.customer() == null || order.customer().isBlank()) {
            problems.add("customer is missing");
        }
        if (order.email() == null || !order.email().contains("@")) {
            problems.add("email must be an e-mail address");
        }
        if (order.lines() == null || order.lines().isEmpty() || order.lines().size() > MAX_LINES) {
            problems.add("an order has 1 to " + MAX_LINES + " lines");
        } else {
            problems.addAll(lineProblems(order.lines()));
        }
        return problems;
    }

    private static List<String> lineProblems(List<OrderLine> lines) {
        List<String> problems = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (OrderLine line : lines) {
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                problems.add("every line needs a sku");
            } else if (!skus.add(line.sku())) {
                problems.add("sku " + line.sku() + " appears twice; put it on one line");
            } else if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                problems.add("quantity of " + line.sku() + " must be 1 to " + MAX_QUANTITY);
            }
        }
        return problems;
    }
}
