package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.spi.ListenerState;
import io.iterativeflow.jpa.testing.PostgresOnly;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * New work is claimed when its notification arrives, not at the next poll: with an hourly poll, only the
 * notification (or, for starts on the same instance, the local wake-up) can explain that runs complete.
 */
class DispatchByNotificationTest extends EngineTestBase {

    private static final FlowDefinition<String, String> ECHO = FlowDefinition.builder("echo", String.class,
            String.class).body((ctx, in) -> ctx.step("shout", String.class, s -> in.toUpperCase())).build();

    DispatchByNotificationTest(TestDatabase db) {
        super(db);
    }

    @Test
    @PostgresOnly
    void runs_started_on_another_instance_are_claimed_on_their_ready_notification() {
        Engine starter = fixture.build(UnaryOperator.identity(), ECHO);
        Engine worker = fixture.start(Listeners.pollingHourly(), ECHO);
        await().atMost(WAIT).until(() -> worker.listenerState() == ListenerState.LISTENING);

        for (String word : new String[] {"one", "two", "three"}) {
            String runId = starter.flow(ECHO).start(word);
            assertThat(worker.flow(ECHO).result(runId, WAIT)).isEqualTo(word.toUpperCase());
        }
        assertThat(starter.isRunning()).isFalse();
    }

    @Test
    void runs_started_on_this_instance_wake_its_dispatcher_without_any_notification() {
        Engine engine = fixture.start(b -> Listeners.deaf().apply(Listeners.pollingHourly().apply(b)), ECHO);
        assertThat(engine.listenerState()).isEqualTo(ListenerState.DISABLED);

        for (String word : new String[] {"one", "two", "three"}) {
            String runId = engine.flow(ECHO).start(word);
            assertThat(engine.flow(ECHO).result(runId, WAIT)).isEqualTo(word.toUpperCase());
        }
    }
}
