package io.iterativeflow.examples.orders;

import java.util.List;

/**
 * What the {@code reserve-stock} step did: reserved every line, or nothing at all and the reasons why.
 *
 * @param shortages one text per line that could not be reserved; empty when {@code reserved}
 */
public record Reservation(String orderId, boolean reserved, List<String> shortages) {

    public static Reservation done(String orderId) {
        return new Reservation(orderId, true, List.of());
    }

    public static Reservation refused(String orderId, List<String> shortages) {
        return new Reservation(orderId, false, shortages);
    }
}
