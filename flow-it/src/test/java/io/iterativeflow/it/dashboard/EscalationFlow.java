package io.iterativeflow.it.dashboard;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Runs inside Liberty: hands its ticket to a {@link DeskFlow} child and waits for it, so the page shows a tree. */
@Flow(name = EscalationFlow.NAME)
public class EscalationFlow implements FlowBody<DeskFlow.Ticket, String> {

    static final String NAME = "it-escalation";

    @Override
    public String run(FlowContext ctx, DeskFlow.Ticket ticket) {
        return "escalated: " + ctx.invoke(DeskFlow.class, ticket);
    }
}
