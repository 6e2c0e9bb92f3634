package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two engines run flows that wait for a signal at once, while other threads send each run its signal right after it
 * starts: some signals arrive before the wait (buffered), some after (delivered). Every run must finish with its own
 * payload; a lost wake-up would leave one waiting and time the test out.
 */
class SignalRaceTest extends EngineTestBase {

    private static final int RUNS = 50;

    SignalRaceTest(TestDatabase db) {
        super(db);
    }

    @Test
    void every_signal_sent_while_its_run_starts_reaches_the_run_exactly_once() throws Exception {
        FlowDefinition<String, String> echo = FlowDefinition.builder("echo", String.class, String.class)
                .body((ctx, in) -> in + ":" + ctx.signal("reply", String.class)).build();
        Engine first = fixture.start(echo);
        Engine second = fixture.start(echo);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<String> runIds = new ArrayList<>();
            List<Future<SignalDeliveryResult>> sent = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                String runId = (i % 2 == 0 ? first : second).flow(echo).start("run-" + i);
                runIds.add(runId);
                String payload = "reply-" + i;
                Engine sender = i % 2 == 0 ? second : first;
                sent.add(senders.submit(() -> sender.signal(runId, "reply", payload)));
            }
            for (int i = 0; i < RUNS; i++) {
                assertThat(sent.get(i).get(1, TimeUnit.MINUTES)).isInstanceOfAny(
                        SignalDeliveryResult.Delivered.class, SignalDeliveryResult.Buffered.class);
                assertThat(first.flow(echo).result(runIds.get(i), WAIT)).isEqualTo("run-" + i + ":reply-" + i);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(db.sql().count("SELECT count(*) FROM workflow.signals WHERE status = 'consumed'"))
                .isEqualTo(RUNS);
        assertThat(db.sql().count("SELECT count(*) FROM workflow.steps WHERE kind = 'signal'")).isEqualTo(RUNS);
    }
}
