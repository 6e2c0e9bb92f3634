package io.iterativeflow.it.dashboard;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowSignal;

/**
 * Runs inside Liberty for the dashboard's browser test: triages a ticket in a step, waits for an {@code approve}
 * signal, then closes it in a second step.
 */
@Flow(name = DeskFlow.NAME)
@FlowSignal(name = "approve", type = DeskFlow.Approval.class)
public class DeskFlow implements FlowBody<DeskFlow.Ticket, String> {

    static final String NAME = "it-desk";

    /** The input; its text is shown by the dashboard, escaped. */
    public record Ticket(String subject, String body) {
    }

    /** The payload of {@code approve}. */
    public record Approval(String by) {
    }

    @Override
    public String run(FlowContext ctx, Ticket ticket) {
        Integer words = ctx.step("triage", Integer.class,
                s -> ticket.body() == null ? 0 : ticket.body().split("\\s+").length);
        Approval approval = ctx.signal("approve", Approval.class);
        return ctx.step("close", String.class, s -> ticket.subject() + " approved by " + approval.by() + " ("
                + words + " words)");
    }
}
