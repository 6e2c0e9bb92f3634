package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.jpa.testing.JsonText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimTest extends StoreTestBase {

    @Test
    void a_claim_sets_the_run_running_owned_leased_and_counts_the_attempt() {
        NewRun run = Runs.run("orders");
        store.createRun(run);

        List<ClaimedRun> claimed = store.claim(OWNER, 5, LEASE);

        assertThat(claimed).hasSize(1);
        ClaimedRun c = claimed.get(0);
        assertThat(c.runId()).isEqualTo(run.id());
        assertThat(c.flowName()).isEqualTo("orders");
        assertThat(c.flowVersion()).isEqualTo(1);
        assertThat(JsonText.value(c.inputJson())).isEqualTo(JsonText.value(Runs.INPUT));
        assertThat(c.attempt()).isEqualTo(1);
        assertThat(c.depth()).isEqualTo(1);
        assertThat(c.owner()).isEqualTo(OWNER);
        assertThat(c.history()).isEmpty();
        assertThat(c.fence()).isEqualTo(new Fence(run.id(), OWNER, 1));
        Map<String, Object> row = sql().row("SELECT status, lease_owner, attempts, lease_expires_at"
                + " FROM workflow.runs WHERE id = ?", run.id());
        assertThat(row).containsEntry("status", "running").containsEntry("lease_owner", OWNER)
                .containsEntry("attempts", 1);
        assertThat((Instant) row.get("lease_expires_at")).isEqualTo(c.claimedAt().plus(LEASE));
        assertThat(eventTypes(run.id())).containsExactly("created", "claimed");
    }

    @Test
    void claimed_at_is_the_database_time_plus_the_clock_offset() {
        store.createRun(Runs.run("orders"));
        clock.advance(Duration.ofDays(2));

        ClaimedRun c = store.claim(OWNER, 1, LEASE).get(0);

        Instant dbNow = (Instant) sql().value("SELECT CURRENT_TIMESTAMP");
        assertThat(Duration.between(dbNow, c.claimedAt())).isBetween(Duration.ofDays(2).minusMinutes(1),
                Duration.ofDays(2));
    }

    @Test
    void runs_that_are_not_due_running_or_terminal_are_not_claimed() {
        store.createRun(Runs.delayed("later", Duration.ofMinutes(10)));
        ClaimedRun running = startAndClaim(Runs.run("running"));
        ClaimedRun done = startAndClaim(Runs.run("done"));
        store.complete(done.fence(), "1");

        assertThat(store.claim("instance-b", 10, LEASE)).isEmpty();

        clock.advance(Duration.ofMinutes(10));
        assertThat(store.claim("instance-b", 10, LEASE)).extracting(ClaimedRun::flowName).containsExactly("later");
        assertThat(status(running.runId())).isEqualTo("running");
        assertThat(status(done.runId())).isEqualTo("completed");
    }

    @Test
    void higher_priority_is_claimed_first_then_the_earliest_due() {
        store.createRun(Runs.prioritized("low", 0));
        store.createRun(Runs.prioritized("high", 10));
        store.createRun(Runs.delayed("earlier", Duration.ZERO));
        clock.advance(Duration.ofSeconds(1));
        store.createRun(Runs.prioritized("middle", 5));

        assertThat(store.claim(OWNER, 2, LEASE)).extracting(ClaimedRun::flowName).containsExactly("high", "middle");
        assertThat(store.claim(OWNER, 5, LEASE)).extracting(ClaimedRun::flowName).containsExactly("low", "earlier");
    }
}
