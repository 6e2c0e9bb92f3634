package io.iterativeflow.it.rest;

import java.time.Duration;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/**
 * Runs inside Liberty: weighs a parcel, then prices it. A parcel marked {@code hold} sleeps for an hour after
 * weighing, so a test can cancel it while it waits.
 */
@Flow(name = ParcelFlow.NAME, version = 2)
public class ParcelFlow implements FlowBody<ParcelFlow.Parcel, ParcelFlow.Quote> {

    static final String NAME = "it-parcel";

    /** The input: what is sent, where, and whether to hold it. */
    public record Parcel(String id, int grams, String destination, boolean hold) {
    }

    /** The output. */
    public record Quote(String parcelId, int grams, int cents) {
    }

    @Override
    public Quote run(FlowContext ctx, Parcel parcel) {
        Integer grams = ctx.step("weigh", Integer.class, s -> Math.max(parcel.grams(), 1));
        if (parcel.hold()) {
            ctx.sleep("hold", Duration.ofHours(1));
        }
        Integer cents = ctx.step("price", Integer.class, s -> price(grams));
        return new Quote(parcel.id(), grams, cents);
    }

    static int price(int grams) {
        return 300 + grams / 10;
    }
}
