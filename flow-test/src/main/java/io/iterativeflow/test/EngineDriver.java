package io.iterativeflow.test;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.config.ListenSettings;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.EngineBuilder;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Runs an engine whose every step the test's thread drives: claim rounds and periodic work run when
 * {@link #runUntilIdle()} says so, attempts on counted worker threads. After a planned crash it starts a new
 * instance on the same database, as a restarted server would.
 */
final class EngineDriver implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EngineDriver.class.getName());

    /** How long one attempt may take on its worker thread before the test is told that a step hangs. */
    static final Duration ATTEMPT_PATIENCE = Duration.ofSeconds(60);
    /** Rounds of claiming in one {@link #runUntilIdle()} before runs that keep becoming ready are reported. */
    private static final int MAX_ROUNDS = 10_000;

    static final EngineSettings SETTINGS = EngineSettings.defaults()
            .withConcurrency(1)
            .withClaimBatchSize(1)
            .withShutdownTimeout(Duration.ofSeconds(5));

    private final TestStore database;
    private final List<FlowDefinition<?, ?>> definitions;
    private final List<Class<?>> sources;
    private final CrashPlan crashes;
    private final ManualScheduler scheduler;
    private final TrackedWorkers workers = new TrackedWorkers();
    private final ClaimCounter claims = new ClaimCounter();
    private Engine engine;
    private int instances;

    EngineDriver(TestStore database, List<FlowDefinition<?, ?>> definitions, List<Class<?>> sources,
            CrashPlan crashes) {
        this.database = database;
        this.definitions = List.copyOf(definitions);
        this.sources = List.copyOf(sources);
        this.crashes = crashes;
        this.scheduler = new ManualScheduler(database.clock()::instant);
        this.engine = startInstance();
    }

    Engine engine() {
        return engine;
    }

    Duration lease() {
        return SETTINGS.leaseDuration();
    }

    private Engine startInstance() {
        instances++;
        EngineBuilder builder = Engine.builder()
                .store(claims.count(database.store()))
                .clock(database.clock())
                .settings(SETTINGS)
                .listen(ListenSettings.defaults().withEnabled(false))
                .workers(workers)
                .scheduler(scheduler)
                .localStarts(false)
                .instanceId("flow-test-" + instances)
                .listener(crashes);
        for (int i = 0; i < definitions.size(); i++) {
            builder.flow(definitions.get(i), sources.get(i));
        }
        Engine built = builder.build();
        crashes.onCrash(built::halt);
        built.start();
        return built;
    }

    /** Runs every run that is ready now, and what they make ready in turn, until a round finds nothing to do. */
    int runUntilIdle() {
        int attempts = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            long before = claims.claimed();
            engine.wake();
            scheduler.tick();
            settle();
            if (crashes.takeCrash()) {
                restartAfterCrash();
                continue;
            }
            long claimed = claims.claimed() - before;
            if (claimed == 0) {
                return attempts;
            }
            attempts += (int) claimed;
        }
        throw new FlowException(FlowErrorCode.RESULT_TIMEOUT, "runs kept becoming ready through " + MAX_ROUNDS
                + " rounds of runUntilIdle(); a flow loops without end (a retry without back-off, a child that starts"
                + " itself?)");
    }

    /** Runs the claim rounds queued on the scheduler and waits for the attempts they hand out, until both rest. */
    private void settle() {
        do {
            awaitWorkers();
        } while (scheduler.runReady() || !quiet());
        awaitWorkers();
    }

    private boolean quiet() {
        try {
            return workers.awaitQuiet(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void awaitWorkers() {
        try {
            if (!workers.awaitQuiet(ATTEMPT_PATIENCE.toMillis())) {
                throw new FlowException(FlowErrorCode.RESULT_TIMEOUT, "an attempt did not end within "
                        + ATTEMPT_PATIENCE.toSeconds() + " s of real time: a step blocks (does it wait for something"
                        + " only the test would do, such as a signal or another run's result?)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowException(FlowErrorCode.RESULT_TIMEOUT, "interrupted while the flows ran", e);
        }
    }

    /**
     * The crashed instance is gone; a new one starts, and takes its runs over once their leases expire: the clock
     * moves past the lease, as it would while a real server restarts.
     */
    private void restartAfterCrash() {
        LOG.info(() -> "flow test: the engine crashed as planned; starting a new instance and letting the crashed"
                + " instance's leases (" + lease() + ") expire");
        engine = startInstance();
        database.clock().advance(lease().plusSeconds(1));
    }

    @Override
    public void close() {
        try {
            engine.stop();
        } finally {
            scheduler.shutdown();
            workers.shutdownNow();
        }
    }
}
