package io.iterativeflow.cdi.flows;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** A flow built as a static node tree, produced as a bean. */
@ApplicationScoped
public class InvoicingFlows {

    public static final String NAME = "invoicing";

    @Produces
    FlowDefinition<Integer, String> invoicing() {
        return FlowDefinition.builder(NAME, Integer.class, String.class)
                .steps(Pipeline.<Integer>start()
                        .step("draft", Integer.class, (n, scope) -> n + 1)
                        .loop("reminders", n -> n >= 3, 5, body -> body.step("remind", Integer.class,
                                (n, scope) -> n + 1))
                        .output(n -> "reminded up to " + n))
                .build();
    }
}
