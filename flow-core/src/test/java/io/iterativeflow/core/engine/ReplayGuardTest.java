package io.iterativeflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.HistoryEntry;
import io.iterativeflow.core.spi.TimerEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Drift at replay: the recorded history must be asked for in order, with the same kinds, before anything new. */
class ReplayGuardTest {

    private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-00000000abcd");

    @Test
    void the_same_code_replays_without_complaint_and_then_goes_on() {
        ReplayGuard guard = guard(List.of("step reserve", "step charge", "step charge:1", "now now"), List.of());
        assertThat(guard.expect("reserve", "step")).isNotNull();
        assertThat(guard.expect("charge", "step")).isNotNull();
        assertThat(guard.expect("charge:1", "step")).isNotNull();
        assertThat(guard.expect("now", "now")).isNotNull();
        assertThat(guard.expect("charge:2", "step")).as("new work after the record").isNull();
        guard.checkReturned();
    }

    @Test
    void a_renamed_step_is_an_incompatible_version() {
        ReplayGuard guard = guard(List.of("step reserve", "step charge"), List.of());
        assertThatThrownBy(() -> guard.expect("reserve-stock", "step"))
                .isInstanceOfSatisfying(DriftException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION))
                .hasMessageContaining("run " + RUN)
                .hasMessageContaining("flow pay@1")
                .hasMessageContaining("recorded step 'reserve' at history position 0")
                .hasMessageContaining("asks for step 'reserve-stock'");
    }

    @Test
    void a_removed_step_is_an_incompatible_version_where_the_next_one_is_asked() {
        ReplayGuard guard = guard(List.of("step a", "step b", "step c"), List.of());
        guard.expect("a", "step");
        assertThatThrownBy(() -> guard.expect("c", "step"))
                .isInstanceOfSatisfying(DriftException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION))
                .hasMessageContaining("recorded step 'b' at history position 1");
    }

    @Test
    void a_changed_kind_is_an_incompatible_version() {
        ReplayGuard guard = guard(List.of("step wait"), List.of());
        assertThatThrownBy(() -> guard.expect("wait", "sleep"))
                .isInstanceOfSatisfying(DriftException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION))
                .hasMessageContaining("recorded a step at 'wait' (history position 0) but the code now calls sleep");
    }

    @Test
    void a_step_where_a_sleep_timer_was_recorded_is_an_incompatible_version() {
        ReplayGuard guard = guard(List.of(), List.of("nap"));
        assertThatThrownBy(() -> guard.expect("nap", "step"))
                .isInstanceOfSatisfying(DriftException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION));
    }

    @Test
    void fewer_occurrences_than_recorded_are_non_deterministic() {
        ReplayGuard guard = guard(List.of("step item", "step item:1", "step item:2", "step done"), List.of());
        guard.expect("item", "step");
        guard.expect("item:1", "step");
        assertThatThrownBy(() -> guard.expect("done", "step"))
                .isInstanceOfSatisfying(DriftException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_NON_DETERMINISTIC))
                .hasMessageContaining("recorded step 'item:2' at history position 2")
                .hasMessageContaining("after asking for 'item' 2 time(s)");
    }

    @Test
    void an_extra_occurrence_where_the_record_has_something_else_is_non_deterministic() {
        ReplayGuard guard = guard(List.of("step item", "step done"), List.of());
        guard.expect("item", "step");
        assertThatThrownBy(() -> guard.expect("item:1", "step"))
                .isInstanceOfSatisfying(DriftException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_NON_DETERMINISTIC));
    }

    @Test
    void returning_before_the_record_is_replayed_is_drift_classified_by_the_missing_base() {
        ReplayGuard fewer = guard(List.of("step item", "step item:1"), List.of());
        fewer.expect("item", "step");
        assertThatThrownBy(fewer::checkReturned)
                .isInstanceOfSatisfying(DriftException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_NON_DETERMINISTIC))
                .hasMessageContaining("'item' only 1 time(s)");

        ReplayGuard gone = guard(List.of("step a"), List.of("nap"));
        gone.expect("a", "step");
        assertThatThrownBy(gone::checkReturned)
                .isInstanceOfSatisfying(DriftException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION))
                .hasMessageContaining("recorded sleep 'nap' (a sleep timer)");
    }

    @Test
    void sleeps_recorded_as_timers_and_sleeps_that_record_nothing_are_not_drift() {
        ReplayGuard guard = guard(List.of("step a", "step b"), List.of("nap"));
        guard.expect("a", "step");
        assertThat(guard.expect("nap", "sleep")).isNull();
        assertThat(guard.expect("instant", "sleep")).as("a zero sleep records nothing").isNull();
        guard.expect("b", "step");
        guard.checkReturned();
    }

    @Test
    void suspending_on_a_new_sleep_before_the_record_is_replayed_is_drift() {
        ReplayGuard guard = guard(List.of("step a", "step b"), List.of());
        guard.expect("a", "step");
        assertThat(guard.expect("cool-down", "sleep")).isNull();
        assertThatThrownBy(() -> guard.beforeSleeping("cool-down"))
                .isInstanceOfSatisfying(DriftException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION))
                .hasMessageContaining("recorded step 'b' at history position 1")
                .hasMessageContaining("asks for sleep 'cool-down'");

        ReplayGuard sleepingAgain = guard(List.of("step a"), List.of("nap"));
        sleepingAgain.expect("a", "step");
        sleepingAgain.expect("nap", "sleep");
        sleepingAgain.beforeSleeping("nap");
    }

    @Test
    void numeric_names_replay_and_non_canonical_recorded_suffixes_are_never_matched() {
        ReplayGuard numeric = guard(List.of("step 1", "step 1:1", "step 10"), List.of());
        numeric.expect("1", "step");
        numeric.expect("1:1", "step");
        numeric.expect("10", "step");
        numeric.checkReturned();

        ReplayGuard odd = guard(List.of("step charge", "step charge:01"), List.of());
        odd.expect("charge", "step");
        assertThatThrownBy(() -> odd.expect("charge:1", "step"))
                .isInstanceOfSatisfying(DriftException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION))
                .hasMessageContaining("'charge:01'");
    }

    @Test
    void a_drift_the_body_swallowed_is_reported_again() {
        ReplayGuard guard = guard(List.of("step a"), List.of());
        assertThatThrownBy(() -> guard.expect("b", "step")).isInstanceOf(DriftException.class);
        assertThat(guard.drift()).isNotNull();
        assertThatThrownBy(() -> guard.expect("c", "step")).isSameAs(guard.drift());
        assertThatThrownBy(guard::checkReturned).isSameAs(guard.drift());
    }

    /** @param steps "kind key" in history order */
    private static ReplayGuard guard(List<String> steps, List<String> sleepTimers) {
        List<HistoryEntry> history = new ArrayList<>();
        for (String step : steps) {
            String[] kindAndKey = step.split(" ");
            history.add(new HistoryEntry(kindAndKey[1], kindAndKey[1], kindAndKey[0], "completed", 1, "1", null,
                    null));
        }
        List<TimerEntry> timers = new ArrayList<>();
        sleepTimers.forEach(key -> timers.add(new TimerEntry(key, "sleep", Instant.EPOCH)));
        timers.add(new TimerEntry("a#retry1", "retry", Instant.EPOCH));
        return new ReplayGuard(new ClaimedRun(RUN, "pay", 1, "null", 2, 1, 1, "engine", Instant.EPOCH, history,
                timers));
    }
}
