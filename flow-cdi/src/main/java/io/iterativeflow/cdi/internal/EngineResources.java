package io.iterativeflow.cdi.internal;

import io.iterativeflow.cdi.FlowConfigKeys;
import io.iterativeflow.cdi.FlowDataSource;
import io.iterativeflow.api.FlowEvent;
import io.iterativeflow.api.FlowListener;
import io.iterativeflow.core.spi.FlowClock;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** What the engine takes from the application and the container: data source, clock, managed executors. */
final class EngineResources {

    private static final String MANAGED_THREADS = "java:comp/DefaultManagedThreadFactory";

    private final Instance<DataSource> dataSources;
    private final Instance<FlowClock> clocks;
    private final Instance<FlowListener> listeners;
    private final Event<FlowEvent> flowEvents;
    private Instance<Principal> principals;

    /**
     * @param dataSources every DataSource bean ({@code @Any}); the one qualified {@link FlowDataSource} is used
     * @param clocks the application's {@code FlowClock} bean, if it has one
     */
    EngineResources(Instance<DataSource> dataSources, Instance<FlowClock> clocks, Instance<FlowListener> listeners,
            Event<FlowEvent> flowEvents) {
        this.flowEvents = flowEvents;
        this.dataSources = dataSources;
        this.clocks = clocks;
        this.listeners = listeners;
    }

    /** Where the caller principal comes from: the container's {@code Principal} bean, looked up by this instance. */
    EngineResources withPrincipals(Instance<Principal> principals) {
        this.principals = principals;
        return this;
    }

    /** The engine's identity source: the container's caller principal, when it has a bean for it. */
    CallerPrincipal callers() {
        return CallerPrincipal.of(principals);
    }

    /** The application's {@link FlowListener} beans. */
    List<FlowListener> listeners() {
        return listeners.stream().toList();
    }

    /** Where the engine's {@link FlowEvent}s are fired as CDI events. */
    Event<FlowEvent> flowEvents() {
        return flowEvents;
    }

    /** The {@code @FlowDataSource} bean, else the JNDI data source named {@code jndiName}. */
    DataSource dataSource(String jndiName) {
        Instance<DataSource> qualified = dataSources.select(FlowDataSource.Literal.INSTANCE);
        if (qualified.isResolvable()) {
            return qualified.get();
        }
        try {
            return Jndi.lookup(jndiName, DataSource.class);
        } catch (NamingException e) {
            throw Messages.noDataSource(jndiName, FlowConfigKeys.DATASOURCE, e).toException(e);
        }
    }

    FlowClock clock() {
        return clocks.isResolvable() ? clocks.get() : FlowClock.SYSTEM;
    }

    /**
     * The managed executor for flow bodies; empty only outside a container when the default name is configured (the
     * engine then makes its own threads).
     */
    Optional<ExecutorService> workers(String jndiName) {
        return Jndi.required(jndiName, ExecutorService.class, FlowConfigKeys.WORKER_EXECUTOR,
                FlowConfigKeys.WORKER_EXECUTOR_DEFAULT, "the engine runs flows on threads of its own");
    }

    /** The managed scheduled executor for polls and heartbeats; empty as for {@link #workers(String)}. */
    Optional<ScheduledExecutorService> scheduler(String jndiName) {
        return Jndi.required(jndiName, ScheduledExecutorService.class, FlowConfigKeys.WORKER_SCHEDULER,
                FlowConfigKeys.WORKER_SCHEDULER_DEFAULT, "the engine schedules on a thread of its own");
    }

    /** The container's default managed thread factory, for the database listener's thread; empty when JNDI has none. */
    Optional<ThreadFactory> listenerThreads() {
        return Jndi.find(MANAGED_THREADS, ThreadFactory.class, "the engine listens on a thread of its own");
    }

    /** The container's default managed thread factory, for the thread that fires flow events; empty without JNDI. */
    Optional<ThreadFactory> eventThreads() {
        return Jndi.find(MANAGED_THREADS, ThreadFactory.class, "flow events are fired on a thread of its own");
    }
}
