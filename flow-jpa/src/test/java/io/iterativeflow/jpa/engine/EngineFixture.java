package io.iterativeflow.jpa.engine;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.EngineBuilder;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.TestClock;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Engines on a test database, with settings that make tests quick (short poll, lease and sweep intervals). Each
 * engine gets a store of its own, as separate instances would. {@link #close()} stops every engine it made.
 */
final class EngineFixture implements AutoCloseable {

    static final EngineSettings FAST = EngineSettings.defaults()
            .withConcurrency(4)
            .withPollInterval(Duration.ofMillis(50))
            .withLeaseDuration(Duration.ofSeconds(1))
            .withReconcileInterval(Duration.ofMillis(100))
            .withDefaultStepTimeout(Optional.empty())
            .withShutdownTimeout(Duration.ofSeconds(2));

    private final TestDatabase db;
    private final TestClock clock = new TestClock();
    private final List<Engine> engines = new ArrayList<>();
    private final List<JpaFlowStore> stores = new ArrayList<>();

    EngineFixture(TestDatabase db) {
        this.db = db;
        db.clearFlowTables();
    }

    TestClock clock() {
        return clock;
    }

    /** A started engine with the fast settings and these flows. */
    Engine start(FlowDefinition<?, ?>... flows) {
        return start(UnaryOperator.identity(), flows);
    }

    Engine start(UnaryOperator<EngineBuilder> customize, FlowDefinition<?, ?>... flows) {
        Engine engine = build(customize, flows);
        engine.start();
        return engine;
    }

    Engine build(UnaryOperator<EngineBuilder> customize, FlowDefinition<?, ?>... flows) {
        JpaFlowStore store = JpaFlowStore.create(db.dataSource(), clock);
        stores.add(store);
        EngineBuilder builder = Engine.builder().store(store).clock(clock).settings(FAST)
                .instanceId("engine-" + (engines.size() + 1));
        for (FlowDefinition<?, ?> flow : flows) {
            builder.flow(flow);
        }
        Engine engine = customize.apply(builder).build();
        engines.add(engine);
        return engine;
    }

    @Override
    public void close() {
        engines.forEach(Engine::halt);
        stores.forEach(JpaFlowStore::close);
    }
}
