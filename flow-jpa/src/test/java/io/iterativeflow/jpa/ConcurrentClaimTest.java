package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.jpa.testing.Concurrently;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Claims from several threads at once, and claims that meet rows another transaction holds. */
class ConcurrentClaimTest extends StoreTestBase {

    @Test
    void concurrent_claims_never_return_the_same_run() throws Exception {
        int runs = 60;
        IntStream.range(0, runs).forEach(i -> store.createRun(Runs.run("bulk")));
        ConcurrentLinkedQueue<UUID> claimed = new ConcurrentLinkedQueue<>();

        Concurrently.run(4, worker -> {
            List<ClaimedRun> batch;
            while (!(batch = store.claim("worker-" + worker, 3, LEASE)).isEmpty()) {
                batch.forEach(c -> claimed.add(c.runId()));
            }
            return worker;
        });

        assertThat(claimed).hasSize(runs).doesNotHaveDuplicates();
        assertThat(sql().count("SELECT count(*) FROM workflow.runs WHERE status = 'running' AND attempts = 1"))
                .isEqualTo(runs);
        assertThat(sql().count("SELECT count(*) FROM workflow.events WHERE type = 'claimed'")).isEqualTo(runs);
    }

    @Test
    void a_run_locked_by_another_transaction_is_skipped_without_waiting() throws Exception {
        UUID locked = store.createRun(Runs.prioritized("locked", 10)).runId();
        UUID free = store.createRun(Runs.prioritized("free", 0)).runId();
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            PreparedStatement lock = other.prepareStatement("SELECT id FROM workflow.runs WHERE id = ? FOR UPDATE");
            lock.setObject(1, locked);
            lock.executeQuery().close();

            List<ClaimedRun> claimed = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> store.claim(OWNER, 2, LEASE));

            assertThat(claimed).extracting(ClaimedRun::runId).containsExactly(free);
            other.rollback();
        }
        assertThat(store.claim(OWNER, 2, LEASE)).extracting(ClaimedRun::runId).containsExactly(locked);
    }

    @Test
    void a_claim_passes_over_a_locked_run_to_the_next_ready_one_within_its_limit() throws Exception {
        UUID locked = store.createRun(Runs.prioritized("locked", 10)).runId();
        UUID free = store.createRun(Runs.prioritized("free", 0)).runId();
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            PreparedStatement lock = other.prepareStatement("SELECT id FROM workflow.runs WHERE id = ? FOR UPDATE");
            lock.setObject(1, locked);
            lock.executeQuery().close();

            List<ClaimedRun> claimed = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> store.claim(OWNER, 1, LEASE));

            assertThat(claimed).extracting(ClaimedRun::runId).containsExactly(free);
            other.rollback();
        }
    }
}
