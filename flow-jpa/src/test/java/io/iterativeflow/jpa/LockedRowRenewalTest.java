package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.LeaseRenewal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Another transaction holds a running run's row lock (a caller's transaction that signaled the run and has not
 * committed): renewal does not wait for it, renews the other runs, and the locked run is neither lost nor reclaimed.
 */
class LockedRowRenewalTest extends StoreTestBase {

    @Test
    void renewal_passes_over_a_row_another_transaction_locks_and_renews_the_other_runs() throws Exception {
        store.createRun(Runs.run("locked"));
        store.createRun(Runs.run("free"));
        List<ClaimedRun> claimed = store.claim(OWNER, 2, LEASE);
        UUID locked = claimed.get(0).runId();
        UUID free = claimed.get(1).runId();
        clock.advance(Duration.ofSeconds(10));

        try (Connection other = lockRow(locked)) {
            LeaseRenewal renewal = CompletableFuture.supplyAsync(() -> store.renewLeases(OWNER,
                    List.of(locked, free), LEASE)).get(1, TimeUnit.MINUTES);

            assertThat(renewal.held()).containsExactlyInAnyOrder(locked, free);
            assertThat(renewal.busy()).containsExactly(locked);
            assertThat(leaseOf(free)).isAfterOrEqualTo(claimed.get(1).claimedAt().plusSeconds(10).plus(LEASE));
            assertThat(leaseOf(locked)).isEqualTo(claimed.get(0).claimedAt().plus(LEASE));
            other.rollback();
        }
        LeaseRenewal after = store.renewLeases(OWNER, List.of(locked, free), LEASE);
        assertThat(after.busy()).isEmpty();
        assertThat(leaseOf(locked)).isAfterOrEqualTo(claimed.get(0).claimedAt().plusSeconds(10).plus(LEASE));
    }

    @Test
    void a_run_whose_row_is_locked_is_not_reclaimed_while_the_lock_is_held() throws Exception {
        ClaimedRun run = startAndClaim(Runs.run("locked"));
        clock.advance(LEASE.plusSeconds(1));

        try (Connection other = lockRow(run.runId())) {
            int reclaimed = CompletableFuture.supplyAsync(() -> store.reclaimExpiredLeases(10))
                    .get(1, TimeUnit.MINUTES);

            assertThat(reclaimed).isZero();
            assertThat(status(run.runId())).isEqualTo("running");
            other.rollback();
        }
        assertThat(store.reclaimExpiredLeases(10)).isEqualTo(1);
    }

    /** A second connection whose open transaction holds the run's row lock, as a signal delivery takes it. */
    private static Connection lockRow(UUID runId) throws Exception {
        Connection connection = db.dataSource().getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT status FROM workflow.runs WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, runId);
            try (ResultSet rows = lock.executeQuery()) {
                assertThat(rows.next()).isTrue();
            }
        }
        return connection;
    }

    private static Instant leaseOf(UUID runId) {
        return (Instant) sql().value("SELECT lease_expires_at FROM workflow.runs WHERE id = ?", runId);
    }
}
