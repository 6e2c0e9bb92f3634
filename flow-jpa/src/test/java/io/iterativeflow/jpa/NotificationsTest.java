package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.Notifications;
import io.iterativeflow.core.spi.Notifications.Notification;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.jpa.testing.PostgresOnly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each transition notifies from inside its transaction. Notifications arrive in commit order, so a marker sent last
 * proves that nothing else was sent before it.
 */
@PostgresOnly
class NotificationsTest extends StoreTestBase {

    private static final Notification MARKER = new Notification(Notifications.READY, "marker");

    private Notifications.Listening listening;

    @BeforeEach
    void listen() {
        listening = store.notifications().orElseThrow().listen("notifications-test");
    }

    @AfterEach
    void stopListening() {
        listening.close();
    }

    @Test
    void a_start_announces_a_ready_run_of_its_flow_unless_it_is_delayed() {
        store.createRun(Runs.delayed("later", Duration.ofHours(1)));
        store.createRun(Runs.run("orders"));

        assertThat(receivedUntil(new Notification(Notifications.READY, "orders")))
                .containsExactly(new Notification(Notifications.READY, "orders"));
    }

    @Test
    void a_recorded_step_announces_its_run_and_cursor_key_when_progress_notifications_are_on() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        receivedUntil(new Notification(Notifications.READY, "orders"));

        try (JpaFlowStore notifying = progressNotifying()) {
            notifying.recordStep(run.fence(), new StepCompletion("charge:1", "charge", "step", 1, "1", 0));
        }

        assertThat(receivedUntilMarker())
                .containsExactly(new Notification(Notifications.PROGRESS, run.runId() + " charge:1"), MARKER);
    }

    @Test
    void by_default_steps_are_recorded_without_a_notification() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        receivedUntil(new Notification(Notifications.READY, "orders"));

        store.recordStep(run.fence(), new StepCompletion("charge", "charge", "step", 1, "1", 0));
        store.recordStepFailure(run.fence(), new StepFailure("ship", "ship", "step", 1, "STEP_FAILED", "down", 1,
                Optional.empty()));

        assertThat(receivedUntilMarker()).containsExactly(MARKER);
    }

    private static JpaFlowStore progressNotifying() {
        return JpaFlowStore.builder(db.dataSource()).clock(clock).notifyProgress(true).build();
    }

    @Test
    void a_step_failed_for_good_is_announced_and_a_retry_is_not() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        receivedUntil(new Notification(Notifications.READY, "orders"));

        try (JpaFlowStore notifying = progressNotifying()) {
            notifying.recordStepFailure(run.fence(), new StepFailure("ship", "ship", "step", 1, "STEP_FAILED", "down",
                    0, Optional.empty()));
            notifying.recordStepFailure(run.fence(), new StepFailure("pack", "pack", "step", 1, "STEP_FAILED", "down",
                    1, Optional.of(Duration.ofMinutes(1))));
        }

        assertThat(receivedUntilMarker())
                .containsExactly(new Notification(Notifications.PROGRESS, run.runId() + " ship"), MARKER);
    }

    @Test
    void completing_and_failing_announce_terminal_runs() {
        ClaimedRun done = startAndClaim(Runs.run("orders"));
        store.complete(done.fence(), "\"ok\"");
        ClaimedRun broken = startAndClaim(Runs.run("orders"));
        store.fail(broken.fence(), "FLOW_FAILED", "boom");

        assertThat(receivedUntilMarker()).containsSubsequence(
                new Notification(Notifications.TERMINAL, done.runId().toString()),
                new Notification(Notifications.TERMINAL, broken.runId().toString()));
    }

    @Test
    void a_write_of_a_lost_lease_announces_nothing() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        receivedUntil(new Notification(Notifications.READY, "orders"));
        Fence stale = new Fence(run.runId(), "someone-else", run.attempt());

        store.complete(stale, "\"ok\"");
        store.recordStep(stale, new StepCompletion("a", "a", "step", 1, "1", 0));

        assertThat(receivedUntilMarker()).containsExactly(MARKER);
    }

    @Test
    void a_released_or_reclaimed_run_is_announced_as_ready() {
        ClaimedRun released = startAndClaim(Runs.run("orders"));
        receivedUntil(new Notification(Notifications.READY, "orders"));
        store.release(released.fence(), "shutdown");
        assertThat(receivedUntil(new Notification(Notifications.READY, "orders"))).hasSize(1);

        store.claim(OWNER, 1, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(2));
        assertThat(store.reclaimExpiredLeases(10)).isEqualTo(1);
        assertThat(receivedUntil(new Notification(Notifications.READY, "orders"))).hasSize(1);
    }

    @Test
    void a_cancel_announces_the_cancel_and_the_end_once() {
        UUID id = store.createRun(Runs.run("orders")).runId();
        receivedUntil(new Notification(Notifications.READY, "orders"));

        store.cancel(id, "no longer needed");
        store.cancel(id, "again");

        assertThat(receivedUntilMarker()).containsExactly(new Notification(Notifications.CANCEL, id.toString()),
                new Notification(Notifications.TERMINAL, id.toString()), MARKER);
    }

    @Test
    void the_listening_connection_carries_its_name_until_it_is_closed() {
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?"
                + " AND datname = current_database()";
        assertThat(sql().count(sql, "notifications-test")).isEqualTo(1);

        listening.close();

        assertThat(sql().count(sql, "notifications-test")).isZero();
        listening = store.notifications().orElseThrow().listen("notifications-test");
    }

    /** Sends the marker, then collects everything up to and including it. */
    private List<Notification> receivedUntilMarker() {
        sql().value("SELECT pg_notify(?, ?)", MARKER.channel(), MARKER.payload());
        return receivedUntil(MARKER);
    }

    private List<Notification> receivedUntil(Notification last) {
        List<Notification> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!received.contains(last)) {
            assertThat(System.nanoTime()).as("waiting for " + last + ", got " + received).isLessThan(deadline);
            received.addAll(listening.poll(Duration.ofMillis(200)));
        }
        return received;
    }
}
