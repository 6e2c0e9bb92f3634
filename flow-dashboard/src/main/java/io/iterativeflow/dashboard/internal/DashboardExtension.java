package io.iterativeflow.dashboard.internal;

import io.iterativeflow.cdi.internal.EngineQueue;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/** Adds the engine's queue figures as a bean: only the dashboard reads them, so only its jar asks for them. */
public class DashboardExtension implements Extension {

    void addQueueBean(@Observes BeforeBeanDiscovery event) {
        event.addAnnotatedType(EngineQueue.class, EngineQueue.class.getName());
    }
}
