package io.iterativeflow.it.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Runs inside Liberty: books a seat. Its input type carries constraints, which a start checks. */
@Flow(name = "it-seat")
public class SeatFlow implements FlowBody<SeatFlow.Seat, String> {

    /** The input: a row letter and a seat number from 1 to 40. */
    public record Seat(@NotBlank String row, @Min(1) @Max(40) int number) {
    }

    @Override
    public String run(FlowContext ctx, Seat seat) {
        return ctx.step("book", String.class, s -> seat.row() + seat.number());
    }
}
