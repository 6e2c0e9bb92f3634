package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowDefinition;

/**
 * A checked flow, ready for the engine.
 *
 * @param source the {@code @Flow} class that defined it, or null for a produced {@code FlowDefinition}
 */
record DeployedFlow(FlowDefinition<?, ?> definition, Class<?> source, String origin) {

    String id() {
        return definition.name() + "@" + definition.version();
    }
}
