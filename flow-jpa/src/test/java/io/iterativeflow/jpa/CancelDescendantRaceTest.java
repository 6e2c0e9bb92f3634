package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.jpa.testing.LockWaits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A cancel that races a parent starting a child: the parent's transaction holds the parent's row and has made a run
 * its child (as {@code invokeChild} does) when the cancel arrives. After the cancel commits, no descendant is left
 * unended.
 */
class CancelDescendantRaceTest extends StoreTestBase {

    @Test
    void a_child_added_while_the_cancel_waits_for_the_parent_is_canceled_too() throws Exception {
        ClaimedRun parent = startAndClaim(Runs.run("parent"));
        UUID child = store.createRun(Runs.run("child")).runId();

        Optional<Boolean> canceled = cancelWhileAdopting(parent.runId(), parent.runId(), child);

        assertThat(canceled).contains(true);
        assertThat(status(parent.runId())).isEqualTo("canceled");
        assertThat(status(child)).isEqualTo("canceled");
        assertThat(eventTypes(child)).endsWith("canceled");
    }

    @Test
    void a_grandchild_added_while_the_cancel_waits_for_the_child_is_canceled_too() throws Exception {
        ClaimedRun parent = startAndClaim(Runs.run("parent"));
        UUID child = store.createRun(Runs.run("child")).runId();
        sql().update("UPDATE workflow.runs SET parent_run_id = ?, parent_key = 'invoke:child@1', depth = 2"
                + " WHERE id = ?", parent.runId(), child);
        UUID grandchild = store.createRun(Runs.run("grandchild")).runId();

        Optional<Boolean> canceled = cancelWhileAdopting(parent.runId(), child, grandchild);

        assertThat(canceled).contains(true);
        assertThat(status(child)).isEqualTo("canceled");
        assertThat(status(grandchild)).isEqualTo("canceled");
    }

    /**
     * On a second connection: locks {@code holder}'s row and makes {@code adopted} its child, then cancels
     * {@code runId} on another thread, commits the adoption once the cancel waits for the lock, and returns what the
     * cancel returned.
     */
    private static Optional<Boolean> cancelWhileAdopting(UUID runId, UUID holder, UUID adopted) throws Exception {
        try (Connection invoker = db.dataSource().getConnection()) {
            invoker.setAutoCommit(false);
            execute(invoker, "SELECT id FROM workflow.runs WHERE id = ? FOR UPDATE", holder);
            execute(invoker, "UPDATE workflow.runs SET parent_run_id = ?, parent_key = 'invoke:x@1' WHERE id = ?",
                    holder, adopted);

            CompletableFuture<Optional<Boolean>> cancel = CompletableFuture.supplyAsync(
                    () -> store.cancel(runId, "stop"));
            await().atMost(Duration.ofMinutes(1)).until(() -> LockWaits.waiting(db) > 0);
            assertThat(cancel).isNotDone();
            invoker.commit();
            return cancel.get(1, TimeUnit.MINUTES);
        }
    }

    private static void execute(Connection connection, String statement, UUID... ids) throws Exception {
        try (PreparedStatement call = connection.prepareStatement(statement)) {
            for (int i = 0; i < ids.length; i++) {
                call.setObject(i + 1, ids[i]);
            }
            call.execute();
        }
    }
}
