package io.iterativeflow.examples.orders;

import java.time.Instant;

/** The output of the {@code shipping} flow: the carrier booked, the tracking number, and when it was picked up. */
public record Shipment(String shippingRunId, String carrier, String trackingNumber, Instant pickedUpAt) {
}
