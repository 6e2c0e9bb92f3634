package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.EngineBuilder;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.jpa.JpaFlowStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import io.iterativeflow.jpa.JpaFlowStoreBuilder;
import javax.sql.DataSource;

/** Builds the engine of a checked deployment: store (migrated first when configured), clock, executors, flows. */
final class EngineAssembly {

    private EngineAssembly() {
    }

    /** The engine, not started, and the store it owns (closed after the engine stops). */
    record Assembled(Engine engine, JpaFlowStore store, Optional<FlowEventDispatcher> events) {
    }

    private static JpaFlowStore store(FlowConfiguration config, DataSource dataSource, FlowClock clock) {
        try {
            JpaFlowStoreBuilder builder = JpaFlowStore.builder(dataSource)
                    .clock(clock)
                    .defaultLease(config.engine().leaseDuration())
                    .migrate(config.migrate())
                    .notifyProgress(config.listen().notifyProgress());
            JtaResources.configure(builder, MicroProfileConfig.lookup());
            return builder.build();
        } catch (FlowException e) {
            if (e.code() != FlowErrorCode.SCHEMA_MISMATCH) {
                throw e;
            }
            throw Messages.schemaMismatch(e.getMessage(), config.migrate()).toException(e);
        }
    }

    static Assembled assemble(FlowDeployment deployment, EngineResources resources) {
        FlowConfiguration config = deployment.configuration();
        DataSource dataSource = resources.dataSource(config.dataSourceName());
        FlowClock clock = resources.clock();
        Optional<ExecutorService> workers = resources.workers(config.executorName());
        Optional<ScheduledExecutorService> scheduler = resources.scheduler(config.schedulerName());
        BootWarnings.ofPool(config.engine().concurrency(), dataSource).ifPresent(w -> BootWarnings.log(List.of(w)));
        JpaFlowStore store = store(config, dataSource, clock);
        try {
            EngineBuilder builder = Engine.builder().store(store).clock(clock).settings(config.engine())
                    .versions(config.versions())
                    .listen(config.listen());
            config.instanceId().ifPresent(builder::instanceId);
            workers.ifPresent(builder::workers);
            scheduler.ifPresent(builder::scheduler);
            resources.listenerThreads().ifPresent(builder::listenerThreads);
            deployment.flows().forEach(flow -> builder.flow(flow.definition(), flow.source()));
            deployment.limits().forEach(builder::flowLimit);
            PayloadValidation.configure(builder);
            builder.identity(resources.callers());
            deployment.schedules().forEach(builder::schedule);
            resources.listeners().forEach(builder::listener);
            Optional<FlowEventDispatcher> events = FlowEvents.dispatcher(deployment.observedEvents(), resources,
                    workers);
            events.ifPresent(builder::listener);
            Optional<FlowMetrics> metrics = OptionalIntegrations.metrics();
            metrics.ifPresent(m -> builder.listener(m.listener()));
            OptionalIntegrations.tracer().ifPresent(builder::tracer);
            Engine engine = builder.build();
            metrics.ifPresent(m -> m.bind(engine));
            DeploymentReplayCheck.apply(engine, config.versions().check(), config.dryReplay());
            events.ifPresent(FlowEventDispatcher::start);
            return new Assembled(engine, store, events);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
