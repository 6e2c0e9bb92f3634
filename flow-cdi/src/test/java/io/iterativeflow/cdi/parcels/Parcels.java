package io.iterativeflow.cdi.parcels;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.StepOptions;
import java.time.Duration;

/**
 * The body the parcel flows share, with the names of its operations as parameters: weighs the parcel, waits in the
 * way the input names ({@code sleeping}, {@code awaiting_child}, {@code retrying}; any other input goes straight on),
 * waits for a label signal, and ships.
 */
final class Parcels {

    private Parcels() {
    }

    static String run(FlowContext ctx, String parcel, String sleep, Class<? extends FlowBody<String, String>> child,
            String retried, String signal, boolean notify) {
        String weight = ctx.step("weigh", String.class, scope -> "2kg");
        switch (parcel) {
            case "sleeping" -> ctx.sleep(sleep, Duration.ofDays(1));
            case "awaiting_child" -> ctx.invoke(child, parcel);
            case "retrying" -> ctx.step(retried, String.class, StepOptions.defaults().withRetries(5)
                    .withBackoff(Backoff.fixed(Duration.ofDays(1))), scope -> {
                        throw new IllegalStateException("the carrier is closed");
                    });
            default -> {
            }
        }
        String label = ctx.signal(signal, String.class);
        if (notify) {
            ctx.step("notify", String.class, scope -> "notified");
        }
        return parcel + " " + weight + " " + label;
    }
}
