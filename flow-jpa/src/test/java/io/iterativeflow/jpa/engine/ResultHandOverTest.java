package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.core.config.ListenSettings;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.spi.FlowStore;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run that ends on this instance hands its final state to the waiters here: they answer with it instead of reading
 * the run again. The store's reads of a run's state are counted around the ending; the poll interval and the lease are
 * long, so neither a periodic re-check nor a heartbeat that finds the run just ended can read it.
 */
class ResultHandOverTest extends EngineTestBase {

    private static volatile CountDownLatch gate = new CountDownLatch(0);

    private static final FlowDefinition<String, String> GATED = FlowDefinition.builder("gated", String.class,
            String.class).body((ctx, in) -> ctx.step("wait-for-gate", String.class, s -> {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate never opened");
                }
                if (in.equals("fail")) {
                    throw new IllegalArgumentException("refused <" + in + ">");
                }
                return in.toUpperCase();
            })).build();

    private final AtomicInteger stateReads = new AtomicInteger();
    private JpaFlowStore store;

    ResultHandOverTest(TestDatabase db) {
        super(db);
    }

    @AfterEach
    void closeStore() {
        gate.countDown();
        if (store != null) {
            store.close();
        }
    }

    @Test
    void a_result_waiter_gets_the_output_this_instance_wrote_without_reading_the_run() throws Exception {
        Engine engine = engine();
        gate = new CountDownLatch(1);
        String runId = engine.flow(GATED).start("parcel");

        CompletableFuture<String> result = engine.flow(GATED).resultAsync(runId, WAIT).toCompletableFuture();
        assertThat(result).isNotDone();
        int readsBefore = stateReads.get();
        gate.countDown();

        assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("PARCEL");
        assertThat(stateReads.get()).as("reads of the run's state after its ending").isEqualTo(readsBefore);
        assertThat(engine.flow(GATED).output(runId)).as("what the database holds").contains("PARCEL");
    }

    @Test
    void a_failure_reaches_a_blocked_caller_with_the_code_and_message_as_written() throws Exception {
        Engine engine = engine();
        gate = new CountDownLatch(1);
        String runId = engine.flow(GATED).start("fail");
        CompletableFuture<Throwable> caught = CompletableFuture.supplyAsync(() -> {
            try {
                engine.flow(GATED).result(runId, WAIT);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        // the caller has read the run once (not ended) and now waits
        await().atMost(WAIT).until(() -> stateReads.get() >= 1);
        int readsBefore = stateReads.get();
        gate.countDown();

        Throwable failure = caught.get(30, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(RunFailedException.class).hasMessageContaining("refused <fail>");
        assertThat(((RunFailedException) failure).code()).isEqualTo(FlowErrorCode.STEP_FAILED);
        assertThat(stateReads.get()).as("reads of the run's state after its ending").isEqualTo(readsBefore);
        assertThatThrownBy(() -> engine.flow(GATED).result(runId, WAIT)).as("the database holds the same")
                .isInstanceOf(RunFailedException.class).hasMessage(failure.getMessage());
    }

    private Engine engine() {
        store = JpaFlowStore.create(db.dataSource(), fixture.clock());
        FlowStore counting = (FlowStore) Proxy.newProxyInstance(FlowStore.class.getClassLoader(),
                new Class<?>[] {FlowStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("state")) {
                        stateReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        // not listening: a terminal notification may wake a waiter that the hand-over has just completed, and its
        // read is not what this test counts
        return fixture.start(b -> b.store(counting).listen(ListenSettings.defaults().withEnabled(false))
                .settings(EngineFixture.FAST.withPollInterval(Duration.ofMinutes(10))
                        .withLeaseDuration(Duration.ofMinutes(2))), GATED);
    }
}
