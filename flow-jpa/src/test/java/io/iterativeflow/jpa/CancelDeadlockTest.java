package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.jpa.testing.LockWaits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A cancel (parent first, then its children) against a child that ends at the same moment (the child first, then
 * waking its parent): when the two deadlock and the database rolls the cancel back, the cancel runs again; either
 * way it succeeds and leaves no descendant unended.
 */
class CancelDeadlockTest extends StoreTestBase {

    @Test
    void a_cancel_that_deadlocks_with_a_child_ending_still_cancels_the_run() throws Exception {
        ClaimedRun parent = startAndClaim(Runs.run("parent"));
        UUID child = store.createRun(Runs.run("child")).runId();
        sql().update("UPDATE workflow.runs SET parent_run_id = ?, parent_key = 'invoke:child@1', depth = 2"
                + " WHERE id = ?", parent.runId(), child);

        Optional<Boolean> canceled;
        try (Connection ending = db.dataSource().getConnection()) {
            ending.setAutoCommit(false);
            execute(ending, "UPDATE workflow.runs SET status = 'completed' WHERE id = ?", child);
            CompletableFuture<Optional<Boolean>> cancel = CompletableFuture.supplyAsync(
                    () -> store.cancel(parent.runId(), "stop"));
            await().atMost(Duration.ofMinutes(1)).until(() -> LockWaits.waiting(db) > 0);
            try {
                execute(ending, "UPDATE workflow.runs SET updated_at = updated_at WHERE id = ?", parent.runId());
                ending.commit();
            } catch (SQLException rolledBackByTheDatabase) {
                ending.rollback();
            }
            canceled = cancel.get(1, TimeUnit.MINUTES);
        }

        assertThat(canceled).contains(true);
        assertThat(status(parent.runId())).isEqualTo("canceled");
        assertThat(status(child)).isIn("completed", "canceled");
    }

    private static void execute(Connection connection, String statement, UUID id) throws SQLException {
        try (PreparedStatement call = connection.prepareStatement(statement)) {
            call.setObject(1, id);
            call.execute();
        }
    }
}
