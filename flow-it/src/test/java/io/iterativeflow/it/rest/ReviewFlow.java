package io.iterativeflow.it.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowSignal;

/**
 * Runs inside Liberty: waits for a {@code review} signal, whose declared payload type carries constraints, then for an
 * undeclared {@code note}, and returns both.
 */
@Flow(name = "it-review")
@FlowSignal(name = "review", type = ReviewFlow.Review.class)
public class ReviewFlow implements FlowBody<String, String> {

    /** The signal's payload: 1 to 5 stars. */
    public record Review(@NotNull @Min(1) @Max(5) Integer stars, String text) {
    }

    @Override
    public String run(FlowContext ctx, String subject) {
        Review review = ctx.signal("review", Review.class);
        String note = ctx.signal("note", String.class);
        return subject + ": " + review.stars() + " stars, " + review.text() + " (" + note + ")";
    }
}
