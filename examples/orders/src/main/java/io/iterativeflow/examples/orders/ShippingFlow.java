package io.iterativeflow.examples.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.StepOptions;

/**
 * The child flow an approved order invokes: book a carrier, wait durably for the pickup, confirm it. It is a run of
 * its own (its own id, steps and events); the order waits for it without holding a thread.
 */
@Flow(name = ShippingFlow.NAME, version = 1)
public class ShippingFlow implements FlowBody<ShippingRequest, Shipment> {

    public static final String NAME = "shipping";

    static final StepOptions BOOKING = StepOptions.defaults()
            .withRetries(5)
            .withBackoff(Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30)))
            .withTimeout(Duration.ofSeconds(20));

    @Inject
    Carriers carriers;

    @Inject
    OrderSettings settings;

    @Override
    public Shipment run(FlowContext ctx, ShippingRequest request) {
        String booking = ctx.step("book-carrier", String.class, BOOKING, s -> carriers.book(request));
        ctx.sleep("await-pickup", settings.pickupDelay());
        Instant pickedUp = ctx.now();
        List<String> carrierAndTracking = Carriers.split(booking);
        return new Shipment(ctx.runId(), carrierAndTracking.get(0), carrierAndTracking.get(1), pickedUp);
    }
}
