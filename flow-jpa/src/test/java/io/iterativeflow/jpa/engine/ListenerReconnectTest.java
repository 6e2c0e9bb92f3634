package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.config.ListenSettings;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.spi.ListenerState;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.PostgresOnly;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The listening connection dies; the engine backs off, listens again, and notifications wake waiters again. */
@DatabaseTest(poolSize = 12)
@PostgresOnly
class ListenerReconnectTest extends EngineTestBase {

    ListenerReconnectTest(TestDatabase db) {
        super(db);
    }

    @Test
    void a_terminated_listener_backs_off_listens_again_and_a_fresh_notification_wakes_a_waiter() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FlowDefinition<String, String> job = FlowDefinition.builder("job", String.class, String.class)
                .body((ctx, in) -> ctx.step("work", String.class, s -> {
                    inStep.countDown();
                    finish.await();
                    return "done " + in;
                })).build();
        Engine runner = fixture.start(Listeners.lease(Duration.ofSeconds(30)), job);
        String runId = runner.flow(job).start("x");
        assertThat(inStep.await(15, TimeUnit.SECONDS)).isTrue();
        Engine watcher = fixture.start(Listeners.pollingHourly(), job);
        await().atMost(WAIT).until(() -> watcher.listenerState() == ListenerState.LISTENING);
        Instant listeningSince = watcher.listenerStateSince();

        assertThat(Listeners.killListener(db, watcher)).isEqualTo(1);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .until(() -> watcher.listenerState() == ListenerState.BACKING_OFF);
        await().atMost(WAIT).until(() -> watcher.listenerState() == ListenerState.LISTENING);
        assertThat(watcher.listenerStateSince()).isAfter(listeningSince);
        CompletableFuture<String> result = watcher.flow(job).resultAsync(runId, WAIT).toCompletableFuture();
        assertThat(result).isNotDone();
        finish.countDown();
        assertThat(result.get(15, TimeUnit.SECONDS)).isEqualTo("done x");
    }

    @Test
    void an_end_missed_while_the_listener_was_down_is_found_when_it_listens_again() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FlowDefinition<String, String> job = FlowDefinition.builder("job", String.class, String.class)
                .body((ctx, in) -> ctx.step("work", String.class, s -> {
                    inStep.countDown();
                    finish.await();
                    return "done " + in;
                })).build();
        Engine runner = fixture.start(Listeners.lease(Duration.ofSeconds(30)), job);
        String runId = runner.flow(job).start("y");
        assertThat(inStep.await(15, TimeUnit.SECONDS)).isTrue();
        Engine watcher = fixture.start(b -> Listeners.pollingHourly().apply(b)
                .listen(ListenSettings.defaults().withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(30))), job);
        await().atMost(WAIT).until(() -> watcher.listenerState() == ListenerState.LISTENING);
        CompletableFuture<String> result = watcher.flow(job).resultAsync(runId, WAIT).toCompletableFuture();
        assertThat(Listeners.killListener(db, watcher)).isEqualTo(1);
        await().atMost(WAIT).until(() -> watcher.listenerState() == ListenerState.BACKING_OFF);

        finish.countDown();
        await().atMost(WAIT).until(() -> "completed".equals(statusOf(runId)));

        assertThat(watcher.listenerState()).as("still backing off (5 to 10 s)").isEqualTo(ListenerState.BACKING_OFF);
        assertThat(result).as("the end was missed: no notification, no poll").isNotDone();
        assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("done y");
        assertThat(watcher.listenerState()).isEqualTo(ListenerState.LISTENING);
    }

    @Test
    void a_stopped_engine_reports_its_listener_stopped_and_gives_the_connection_back() {
        Engine engine = fixture.start();
        await().atMost(WAIT).until(() -> engine.listenerState() == ListenerState.LISTENING);

        engine.stop();

        assertThat(engine.listenerState()).isEqualTo(ListenerState.STOPPED);
        assertThat(Listeners.killListener(db, engine)).isZero();
    }

    @Test
    void an_engine_that_is_told_not_to_listen_says_so() {
        Engine engine = fixture.start(Listeners.deaf());
        assertThat(engine.listenerState()).isEqualTo(ListenerState.DISABLED);
        assertThat(Listeners.killListener(db, engine)).isZero();
    }
}
