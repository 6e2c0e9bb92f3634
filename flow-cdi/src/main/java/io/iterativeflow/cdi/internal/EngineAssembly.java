package io.iterativeflow.cdi.internal;

import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.EngineBuilder;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.JpaFlowStoreBuilder;
import javax.sql.DataSource;

/** Builds the engine of a checked deployment: store (migrated first when configured), clock, executors, flows. */
final class EngineAssembly {

    private EngineAssembly() {
    }

    /** The engine, not started, and the store it owns (closed after the engine stops). */
    record Assembled(Engine engine, JpaFlowStore store) {
    }

    static Assembled assemble(FlowDeployment deployment, EngineResources resources) {
        FlowConfiguration config = deployment.configuration();
        DataSource dataSource = resources.dataSource(config.dataSourceName());
        FlowClock clock = resources.clock();
        JpaFlowStoreBuilder storeBuilder = JpaFlowStore.builder(dataSource)
                .clock(clock)
                .defaultLease(config.engine().leaseDuration())
                .migrate(config.migrate());
        JtaResources.configure(storeBuilder, MicroProfileConfig.lookup());
        JpaFlowStore store = storeBuilder.build();
        try {
            EngineBuilder builder = Engine.builder().store(store).clock(clock).settings(config.engine());
            config.instanceId().ifPresent(builder::instanceId);
            resources.workers(config.executorName()).ifPresent(builder::workers);
            resources.scheduler(config.schedulerName()).ifPresent(builder::scheduler);
            deployment.flows().forEach(flow -> builder.flow(flow.definition(), flow.source()));
            return new Assembled(builder.build(), store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
