package io.iterativeflow.cdi.flows;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowSignal;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/** Waits for the signal "amount", whose declared payload type carries Bean Validation constraints. */
@Flow(name = "payment")
@FlowSignal(name = "amount", type = PaymentFlow.Amount.class)
public class PaymentFlow implements FlowBody<String, String> {

    /** The payload of the "amount" signal. */
    public record Amount(@Positive int value, @NotBlank String currency) {
    }

    @Override
    public String run(FlowContext ctx, String input) {
        Amount amount = ctx.signal("amount", Amount.class);
        return input + " paid " + amount.value() + " " + amount.currency();
    }
}
