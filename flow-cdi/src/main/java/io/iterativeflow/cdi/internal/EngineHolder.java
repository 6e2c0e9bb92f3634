package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowEvent;
import io.iterativeflow.api.FlowListener;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.spi.FlowClock;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Owns the engine of the deployment and produces the {@link FlowEngine} bean. The engine is built when first needed
 * and started as soon as the application has started, whether or not anything injects it, so runs already in the
 * database are worked on after a restart. Starting only schedules work and returns (nothing here waits for a
 * managed task). At shutdown the engine drains, then its store closes.
 */
@ApplicationScoped
class EngineHolder {

    private static final Logger LOG = Logger.getLogger(EngineHolder.class.getName());

    @Inject
    FlowExtension extension;

    @Inject
    @Any
    Instance<DataSource> dataSources;

    @Inject
    Instance<FlowClock> clocks;

    @Inject
    @Any
    Instance<FlowListener> listeners;

    @Inject
    Event<FlowEvent> flowEvents;

    @Inject
    Instance<java.security.Principal> principals;

    private EngineAssembly.Assembled assembled;
    private boolean stopped;

    @Produces
    @ApplicationScoped
    FlowEngine flowEngine() {
        return assembled().engine();
    }

    void onStartup(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) Startup startup) {
        assembled().engine().start();
    }

    void onShutdown(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) Shutdown shutdown) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (assembled == null || stopped) {
            return;
        }
        stopped = true;
        try {
            assembled.engine().stop();
        } finally {
            try {
                assembled.events().ifPresent(events -> events.stop(extension.deployment().configuration().engine()
                        .shutdownTimeout()));
                assembled.store().close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing the iterativeflow store failed", e);
            }
        }
    }

    /** The engine, once it was built and while it has not stopped; for the health checks. */
    synchronized Optional<Engine> engine() {
        return assembled == null || stopped ? Optional.empty() : Optional.of(assembled.engine());
    }

    private synchronized EngineAssembly.Assembled assembled() {
        if (stopped) {
            throw new FlowException(FlowErrorCode.ENGINE_STOPPED, "the iterativeflow engine of this application has"
                    + " stopped");
        }
        if (assembled == null) {
            assembled = EngineAssembly.assemble(extension.deployment(), new EngineResources(dataSources, clocks,
                    listeners, flowEvents).withPrincipals(principals));
        }
        return assembled;
    }
}
