package io.iterativeflow.examples.orders;

import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/** Stands in for a mail gateway: "sends" a message to the customer by logging it, and returns its id. */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class.getName());

    public String send(Order order, String text) {
        String id = "mail-" + UUID.randomUUID();
        LOG.info(() -> "to " + order.email() + " (order " + order.orderId() + "): " + text + " [" + id + "]");
        return id;
    }
}
