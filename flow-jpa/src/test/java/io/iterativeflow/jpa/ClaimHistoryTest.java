package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.core.spi.TimerEntry;
import io.iterativeflow.core.spi.WriteOutcome;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A later attempt's claim brings the run's history along (loaded once per attempt). */
class ClaimHistoryTest extends StoreTestBase {

    @Test
    void a_later_attempt_gets_the_recorded_steps_and_timers_and_due_timers_fire() {
        ClaimedRun first = startAndClaim(Runs.run("orders"));
        store.recordStep(first.fence(), new StepCompletion("charge", "charge", "step", 1, "\"ok\"", 0));
        store.recordStepFailure(first.fence(), new StepFailure("ship", "ship", "step", 1, "STEP_FAILED", "down",
                1, Optional.of(Duration.ofSeconds(5))));
        clock.advance(Duration.ofSeconds(5));

        ClaimedRun second = store.claim(OWNER, 1, LEASE).get(0);

        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.history()).extracting(h -> h.cursorKey() + "/" + h.status() + "/" + h.resultJson())
                .containsExactly("charge/completed/\"ok\"", "ship/retrying/null");
        assertThat(second.history().get(1).errorCode()).isEqualTo("STEP_FAILED");
        assertThat(second.timers()).extracting(TimerEntry::cursorKey, TimerEntry::kind)
                .containsExactly(tuple("ship#retry1", "retry"));
        assertThat(sql().value("SELECT fired_at FROM workflow.timers WHERE cursor_key = 'ship#retry1'"))
                .isEqualTo(second.claimedAt());
        assertThat(store.recordStep(second.fence(), new StepCompletion("ship", "ship", "step", 2, "1", 1))
                .outcome()).isEqualTo(WriteOutcome.WRITTEN);
    }

    @Test
    void runs_of_one_batch_keep_their_own_history() {
        store.createRun(Runs.run("a"));
        store.createRun(Runs.run("b"));
        for (ClaimedRun c : store.claim(OWNER, 5, LEASE)) {
            String key = c.flowName().equals("a") ? "x" : "y";
            store.recordStep(c.fence(), new StepCompletion(key, key, "step", 1, "1", 0));
            store.release(c.fence(), "shutdown");
        }

        List<ClaimedRun> both = store.claim(OWNER, 5, LEASE);

        Set<String> seen = new HashSet<>();
        for (ClaimedRun c : both) {
            assertThat(c.history()).hasSize(1);
            seen.add(c.flowName() + ":" + c.history().get(0).cursorKey());
        }
        assertThat(seen).containsExactlyInAnyOrder("a:x", "b:y");
    }
}
