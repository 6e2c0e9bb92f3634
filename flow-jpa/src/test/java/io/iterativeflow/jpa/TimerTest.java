package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.TimerEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimerTest extends StoreTestBase {

    private static final Duration NAP = Duration.ofHours(3);

    @Test
    void a_sleeping_run_is_claimed_only_once_its_timer_is_due() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));

        Instant due = store.suspendForTimer(run.fence(), "sleep", "sleep", Optional.empty(), NAP).orElseThrow();

        assertThat(due).isBetween(run.claimedAt().plus(NAP), run.claimedAt().plus(NAP).plusSeconds(2));
        Map<String, Object> row = sql().row("SELECT status, available_at, lease_owner, lease_expires_at"
                + " FROM workflow.runs");
        assertThat(row).containsEntry("status", "sleeping").containsEntry("available_at", due)
                .containsEntry("lease_owner", null).containsEntry("lease_expires_at", null);
        assertThat(sql().row("SELECT cursor_key, kind, due_at FROM workflow.timers"))
                .containsEntry("cursor_key", "sleep").containsEntry("kind", "sleep").containsEntry("due_at", due);
        assertThat(eventTypes(run.runId())).containsExactly("created", "claimed", "sleeping");

        clock.advance(NAP.minusMinutes(1));
        assertThat(store.claim(OWNER, 1, LEASE)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        ClaimedRun woken = store.claim(OWNER, 1, LEASE).get(0);

        assertThat(woken.attempt()).isEqualTo(2);
        assertThat(woken.timers()).containsExactly(new TimerEntry("sleep", "sleep", due));
        assertThat(woken.claimedAt()).isAfterOrEqualTo(due);
        assertThat(sql().value("SELECT fired_at FROM workflow.timers")).isEqualTo(woken.claimedAt());
    }

    @Test
    void an_absolute_due_time_is_recorded_as_given() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        Instant at = run.claimedAt().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

        Optional<Instant> due = store.suspendForTimer(run.fence(), "sleep", "sleep", Optional.of(at), NAP);

        assertThat(due).contains(at);
        assertThat(sql().value("SELECT available_at FROM workflow.runs")).isEqualTo(at);
    }

    @Test
    void a_replayed_sleep_keeps_the_due_time_recorded_by_the_first_attempt() {
        ClaimedRun first = startAndClaim(Runs.run("orders"));
        Instant due = store.suspendForTimer(first.fence(), "sleep", "sleep", Optional.empty(), NAP).orElseThrow();
        sql().update("UPDATE workflow.runs SET available_at = now()"); // woken early, as by a signal
        ClaimedRun second = store.claim(OWNER, 1, LEASE).get(0);

        Optional<Instant> again = store.suspendForTimer(second.fence(), "sleep", "sleep", Optional.empty(),
                NAP.multipliedBy(2));

        assertThat(again).contains(due);
        assertThat(sql().count("SELECT count(*) FROM workflow.timers")).isEqualTo(1);
    }
}
