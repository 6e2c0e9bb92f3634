package io.iterativeflow.examples.orders;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The example's own settings, from microprofile-config.properties (ISO-8601 durations such as PT10M). */
@ApplicationScoped
public class OrderSettings {

    @Inject
    @ConfigProperty(name = "orders.approval.timeout", defaultValue = "PT10M")
    Duration approvalTimeout;

    @Inject
    @ConfigProperty(name = "orders.shipping.pickup-delay", defaultValue = "PT5S")
    Duration pickupDelay;

    /** How long an order waits for its approval before it expires and its stock is released. */
    public Duration approvalTimeout() {
        return approvalTimeout;
    }

    /** How long the shipping flow sleeps, durably, between booking a carrier and the pickup. */
    public Duration pickupDelay() {
        return pickupDelay;
    }
}
