package io.iterativeflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    @Test
    void a_schedule_defaults_to_utc_skipping_overlap_and_missed_ticks_without_jitter() {
        CronSchedule schedule = CronSchedule.of("report", " 0 7 * * 1-5 ");

        assertThat(schedule.flowName()).isEqualTo("report");
        assertThat(schedule.cron()).isEqualTo("0 7 * * 1-5");
        assertThat(schedule.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(schedule.overlap()).isEqualTo(CronSchedule.Overlap.SKIP);
        assertThat(schedule.missed()).isEqualTo(CronSchedule.Missed.SKIP);
        assertThat(schedule.jitter()).isZero();
    }

    @Test
    void with_methods_return_changed_copies() {
        CronSchedule base = CronSchedule.of("report", "0 7 * * *");
        CronSchedule changed = base.withZone(ZoneId.of("Europe/Berlin")).withOverlap(CronSchedule.Overlap.ALLOW)
                .withMissed(CronSchedule.Missed.RUN_ONCE).withJitter(Duration.ofSeconds(30));

        assertThat(changed.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(changed.overlap()).isEqualTo(CronSchedule.Overlap.ALLOW);
        assertThat(changed.missed()).isEqualTo(CronSchedule.Missed.RUN_ONCE);
        assertThat(changed.jitter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(base.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(changed).hasToString("schedule '0 7 * * *' (Europe/Berlin) of flow report");
    }

    @Test
    void bad_arguments_are_refused_saying_what_is_wrong() {
        assertThatThrownBy(() -> CronSchedule.of("report", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> CronSchedule.of("bad name", "0 7 * * *"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("may only hold letters");
        assertThatThrownBy(() -> CronSchedule.of("report", "0 7 * * *").withJitter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter must be zero or more");
        assertThatThrownBy(() -> CronSchedule.of("report", "0 7 * * *").withZone(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("zone");
    }
}
