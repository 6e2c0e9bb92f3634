package io.iterativeflow.cdi.invalid;

import io.iterativeflow.api.FlowDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Builds a definition with version 0, which the builder refuses. */
@ApplicationScoped
public class FailingDefinitionProducer {

    @Produces
    FlowDefinition<String, String> broken() {
        return FlowDefinition.builder("broken", String.class, String.class)
                .version(0)
                .body((ctx, input) -> input)
                .build();
    }
}
