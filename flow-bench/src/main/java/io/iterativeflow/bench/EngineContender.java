package io.iterativeflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.migrations.FlowMigrations;
import java.time.Duration;
import java.util.Optional;

/** This engine, on a pool of its own per launch, with as many workers as db-scheduler has threads. */
final class EngineContender implements Contender {

    private static final String DATABASE = "flow_bench_engine";

    private final BenchSettings settings;

    EngineContender(BenchSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "this engine";
    }

    @Override
    public String database() {
        return DATABASE;
    }

    @Override
    public void prepare(BenchServer server) {
        server.recreate(DATABASE);
        try (HikariDataSource pool = server.pool(DATABASE, 3)) {
            FlowMigrations.migrate(pool);
        }
    }

    @Override
    public Optional<FlowSession> launch(BenchServer server, int steps) {
        Instance instance = new Instance(server, steps);
        instance.start();
        return Optional.of(new FlowSession() {
            @Override
            public void startAndAwait(int input) {
                instance.handle.result(instance.handle.start(input), Duration.ofMinutes(1));
            }

            @Override
            public void close() {
                instance.close();
            }
        });
    }

    @Override
    public Optional<QueueDrain> queue() {
        return Optional.of(new EngineQueue(this));
    }

    /** An engine on a fresh pool, not started: it claims nothing until {@link Instance#start()}. */
    Instance instance(BenchServer server, int steps) {
        return new Instance(server, steps);
    }

    final class Instance implements QueueDrain.Workers {

        final FlowHandle<Integer, Integer> handle;
        private final HikariDataSource pool;
        private final JpaFlowStore store;
        private final Engine engine;

        private Instance(BenchServer server, int steps) {
            this.pool = server.pool(DATABASE, settings.enginePoolSize());
            this.store = JpaFlowStore.create(pool, FlowClock.SYSTEM);
            FlowDefinition<Integer, Integer> flow = steps(steps);
            this.engine = Engine.builder().store(store).settings(EngineSettings.defaults()
                    .withConcurrency(settings.concurrency()).withPollInterval(settings.pollInterval())
                    .withDefaultStepTimeout(Optional.empty())).flow(flow).build();
            this.handle = engine.flow(flow);
        }

        @Override
        public void start() {
            engine.start();
        }

        @Override
        public void close() {
            engine.stop();
            store.close();
            pool.close();
        }
    }

    /** A flow of {@code count} steps, each returning its index; the output is their sum plus the input. */
    private static FlowDefinition<Integer, Integer> steps(int count) {
        return FlowDefinition.builder("steps-" + count, Integer.class, Integer.class).body((ctx, input) -> {
            int sum = 0;
            for (int i = 0; i < count; i++) {
                int value = i;
                sum += ctx.step("step", Integer.class, s -> value);
            }
            return sum + input;
        }).build();
    }
}
