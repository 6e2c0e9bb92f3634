package io.iterativeflow.cdi.flows;

import io.iterativeflow.api.FlowDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** A builder flow produced as a bean. */
@ApplicationScoped
public class DoublingFlows {

    public static final String NAME = "doubling";

    @Produces
    FlowDefinition<Integer, Integer> doubling() {
        return FlowDefinition.builder(NAME, Integer.class, Integer.class)
                .body((ctx, n) -> ctx.step("double", Integer.class, scope -> n * 2))
                .build();
    }
}
