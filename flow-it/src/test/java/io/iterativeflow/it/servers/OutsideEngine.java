package io.iterativeflow.it.servers;

import org.postgresql.ds.PGSimpleDataSource;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.EngineBuilder;
import io.iterativeflow.it.TestDatabase;
import io.iterativeflow.jpa.JpaFlowStore;

/**
 * An engine in the test JVM on the test database that is never started: like another instance, it starts and
 * signals runs, and only a server that hears its notifications (or polls) works on them.
 */
final class OutsideEngine implements AutoCloseable {

    private final JpaFlowStore store;
    private final Engine engine;

    private OutsideEngine(JpaFlowStore store, Engine engine) {
        this.store = store;
        this.engine = engine;
    }

    static OutsideEngine on(TestDatabase database, FlowDefinition<?, ?>... flows) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        JpaFlowStore store = JpaFlowStore.builder(dataSource).build();
        EngineBuilder builder = Engine.builder().store(store);
        for (FlowDefinition<?, ?> flow : flows) {
            builder.flow(flow);
        }
        return new OutsideEngine(store, builder.build());
    }

    FlowEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        try {
            engine.stop();
        } finally {
            store.close();
        }
    }
}
