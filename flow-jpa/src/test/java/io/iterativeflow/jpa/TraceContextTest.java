package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ChildOutcome;
import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.RunCommands.LocalStart;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The trace context a run continues: written with each kind of start's insert, handed back by every claim. */
class TraceContextTest extends StoreTestBase {

    private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String CHILD = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01";

    private static NewRun traced(String flow, String traceParent) {
        return new NewRun(UUID.randomUUID(), flow, 1, Runs.INPUT, Optional.empty(), Set.of(), 0, Duration.ZERO,
                traceParent);
    }

    private static Object stored(UUID runId) {
        return sql().value("SELECT trace_parent FROM workflow.runs WHERE id = ?", runId);
    }

    @Test
    void a_start_stores_the_context_and_every_claim_hands_it_back() {
        NewRun run = traced("orders", PARENT);

        ClaimedRun first = startAndClaim(run);
        assertThat(first.traceParent()).isEqualTo(PARENT);
        assertThat(stored(run.id())).isEqualTo(PARENT);

        store.release(first.fence(), "handed over");
        List<ClaimedRun> again = store.claim(OWNER, 5, LEASE);
        assertThat(again).singleElement().satisfies(c -> {
            assertThat(c.attempt()).isEqualTo(2);
            assertThat(c.traceParent()).as("the next attempt continues the same context").isEqualTo(PARENT);
        });
    }

    @Test
    void a_start_claimed_on_insert_and_a_start_of_several_store_it_too() {
        NewRun local = traced("local", PARENT);
        LocalStart start = store.createRunClaimed(local, OWNER, LEASE);
        ClaimedRun claimed = start.claimed().orElseGet(() -> store.claim(OWNER, 5, LEASE).get(0));
        assertThat(claimed.traceParent()).isEqualTo(PARENT);
        assertThat(stored(local.id())).isEqualTo(PARENT);

        NewRun a = traced("bulk", PARENT);
        NewRun b = traced("bulk", null);
        store.createRuns(List.of(a, b));
        assertThat(stored(a.id())).isEqualTo(PARENT);
        assertThat(stored(b.id())).as("a start without a context stores none").isNull();
    }

    @Test
    void a_child_stores_the_context_of_the_attempt_that_invoked_it() {
        ClaimedRun parent = startAndClaim(traced("parent", PARENT));
        NewRun child = traced("child", CHILD);

        ChildOutcome outcome = store.invokeChild(parent.fence(), "invoke:child@1", child, 5, 100);

        assertThat(outcome.childRunId()).isEqualTo(child.id());
        assertThat(stored(child.id())).isEqualTo(CHILD);
        assertThat(store.claim(OWNER, 5, LEASE)).singleElement()
                .satisfies(c -> assertThat(c.traceParent()).isEqualTo(CHILD));
    }
}
