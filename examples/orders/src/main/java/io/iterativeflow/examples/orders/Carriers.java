package io.iterativeflow.examples.orders;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/** Stands in for a carrier's booking API: picks a carrier by the size of the parcel and returns a tracking number. */
@ApplicationScoped
public class Carriers {

    private static final Logger LOG = Logger.getLogger(Carriers.class.getName());

    /** The carrier and tracking number, as {@code carrier/tracking}. */
    public String book(ShippingRequest request) {
        int items = request.lines().stream().mapToInt(OrderLine::quantity).sum();
        String carrier = items > 10 ? "freight-co" : "parcel-post";
        String tracking = carrier.substring(0, 2).toUpperCase(Locale.ROOT)
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        LOG.info(() -> "order " + request.orderId() + ": booked " + carrier + ", tracking " + tracking);
        return carrier + "/" + tracking;
    }

    static List<String> split(String booking) {
        int slash = booking.indexOf('/');
        return List.of(booking.substring(0, slash), booking.substring(slash + 1));
    }
}
