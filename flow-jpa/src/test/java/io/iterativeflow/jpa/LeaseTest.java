package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.WriteOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeaseTest extends StoreTestBase {

    @Test
    void renewing_extends_only_the_leases_the_owner_still_holds() {
        store.createRun(Runs.run("a"));
        store.createRun(Runs.run("b"));
        List<ClaimedRun> mine = store.claim(OWNER, 2, LEASE);
        store.complete(mine.get(1).fence(), null);
        store.createRun(Runs.run("c"));
        ClaimedRun theirs = store.claim("instance-b", 1, LEASE).get(0);
        clock.advance(Duration.ofSeconds(10));

        Set<UUID> held = store.renewLeases(OWNER, List.of(mine.get(0).runId(), mine.get(1).runId(),
                theirs.runId(), UUID.randomUUID()), LEASE).held();

        assertThat(held).containsExactly(mine.get(0).runId());
        Instant renewed = (Instant) sql().value("SELECT lease_expires_at FROM workflow.runs WHERE id = ?",
                mine.get(0).runId());
        assertThat(renewed).isAfterOrEqualTo(mine.get(0).claimedAt().plusSeconds(10).plus(LEASE));
        assertThat((Instant) sql().value("SELECT lease_expires_at FROM workflow.runs WHERE id = ?",
                theirs.runId())).isEqualTo(theirs.claimedAt().plus(LEASE));
    }

    @Test
    void renewing_nothing_asks_nothing() {
        assertThat(store.renewLeases(OWNER, List.of(), LEASE).held()).isEmpty();
    }

    @Test
    void an_expired_lease_is_reclaimed_and_the_old_owner_is_fenced_out() {
        ClaimedRun stale = startAndClaim(Runs.run("orders"));
        store.createRun(Runs.run("fresh"));
        ClaimedRun fresh = store.claim("instance-b", 1, LEASE.multipliedBy(10)).get(0);

        assertThat(store.reclaimExpiredLeases(10)).isZero();
        clock.advance(LEASE.plusSeconds(1));
        int reclaimed = store.reclaimExpiredLeases(10);

        assertThat(reclaimed).isEqualTo(1);
        assertThat(sql().row("SELECT status, lease_owner, attempts FROM workflow.runs WHERE id = ?",
                stale.runId())).containsEntry("status", "pending").containsEntry("lease_owner", null)
                .containsEntry("attempts", 1);
        assertThat(status(fresh.runId())).isEqualTo("running");
        assertThat(sql().row("SELECT detail, attempt FROM workflow.events WHERE type = 'lease_expired'"))
                .containsEntry("detail", OWNER).containsEntry("attempt", 1);
        assertThat(store.recordStep(stale.fence(), new StepCompletion("a", "a", "step", 1, "1", 0)).outcome())
                .isEqualTo(WriteOutcome.LEASE_LOST);
        assertThat(store.renewLeases(OWNER, List.of(stale.runId()), LEASE).held()).isEmpty();

        ClaimedRun again = store.claim("instance-c", 1, LEASE).get(0);
        assertThat(again.runId()).isEqualTo(stale.runId());
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(store.complete(stale.fence(), null)).isEqualTo(WriteOutcome.LEASE_LOST);
        assertThat(store.complete(again.fence(), null)).isEqualTo(WriteOutcome.WRITTEN);
    }

    @Test
    void reclaiming_takes_at_most_the_limit() {
        for (int i = 0; i < 5; i++) {
            store.createRun(Runs.run("bulk"));
        }
        store.claim(OWNER, 5, LEASE);
        clock.advance(LEASE.multipliedBy(2));

        assertThat(store.reclaimExpiredLeases(3)).isEqualTo(3);
        assertThat(store.reclaimExpiredLeases(3)).isEqualTo(2);
        assertThat(store.reclaimExpiredLeases(3)).isZero();
    }

    @Test
    void a_released_run_is_ready_again_and_keeps_its_attempt_count() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));

        assertThat(store.release(run.fence(), "shutdown")).isEqualTo(WriteOutcome.WRITTEN);

        assertThat(sql().row("SELECT status, lease_owner, attempts FROM workflow.runs"))
                .containsEntry("status", "pending").containsEntry("lease_owner", null).containsEntry("attempts", 1);
        assertThat(sql().value("SELECT detail FROM workflow.events WHERE type = 'released'")).isEqualTo("shutdown");
        assertThat(store.claim(OWNER, 1, LEASE).get(0).attempt()).isEqualTo(2);
    }
}
