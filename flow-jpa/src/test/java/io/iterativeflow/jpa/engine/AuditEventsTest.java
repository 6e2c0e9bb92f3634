package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.EventInfo;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditEventsTest extends EngineTestBase {

    private static final String SECRET = "card-4111-1111-1111-1111";

    AuditEventsTest(TestDatabase db) {
        super(db);
    }

    @Test
    void every_transition_leaves_an_event_and_no_event_copies_a_payload() {
        FlowDefinition<String, String> audited = FlowDefinition.builder("audited", String.class, String.class)
                .body((ctx, card) -> {
                    String token = ctx.step("tokenize", String.class, s -> "tok:" + card);
                    ctx.sleep("settle", Duration.ofMinutes(5));
                    return token;
                }).build();
        Engine engine = fixture.start(audited);
        String runId = engine.flow(audited).start(SECRET);
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.SLEEPING);
        fixture.clock().advance(Duration.ofMinutes(6));
        engine.wake();
        assertThat(engine.flow(audited).result(runId, WAIT)).isEqualTo("tok:" + SECRET);

        List<EventInfo> events = engine.status(runId).events();
        assertThat(events).extracting(EventInfo::type)
                .startsWith("created", "claimed", "step_completed")
                .contains("sleeping")
                .endsWith("claimed", "completed");
        assertThat(events).extracting(EventInfo::attempt).isSorted();
        assertThat(events).allSatisfy(e -> assertThat(e.detail().orElse("")).doesNotContain(SECRET));
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE detail LIKE ?", "%4111%"))
                .isZero();
    }
}
