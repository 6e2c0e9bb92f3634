package io.iterativeflow.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    @Test
    void five_fields_fire_at_the_next_matching_minute_in_utc() {
        CronSchedule daily = CronSchedule.parse("30 3 * * *");

        assertThat(daily.next(Instant.parse("2026-03-01T10:00:00Z"))).contains(Instant.parse("2026-03-02T03:30:00Z"));
        assertThat(daily.next(Instant.parse("2026-03-02T03:30:00Z")))
                .as("strictly after").contains(Instant.parse("2026-03-03T03:30:00Z"));
    }

    @Test
    void six_fields_take_seconds_first() {
        assertThat(CronSchedule.parse("*/10 * * * * *").next(Instant.parse("2026-03-01T10:00:01Z")))
                .contains(Instant.parse("2026-03-01T10:00:10Z"));
    }

    @Test
    void invalid_expressions_are_refused_with_what_to_write() {
        for (String bad : new String[] {"", "  ", "every day", "61 * * * *", "* * *"}) {
            assertThatThrownBy(() -> CronSchedule.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'0 3 * * *'");
        }
        assertThatThrownBy(() -> CronSchedule.parse(null)).hasMessageContaining("is empty");
    }

    @Test
    void settings_report_a_bad_schedule_only_once_retention_is_on() {
        RetentionSettings off = RetentionSettings.off().withSchedule("nonsense");
        List<String> problems = new ArrayList<>();
        off.addProblems(problems);
        assertThat(problems).isEmpty();

        off.withRunsOlderThan(Optional.of(Duration.ofDays(1))).addProblems(problems);
        assertThat(problems).singleElement().asString().startsWith("flow.retention.schedule 'nonsense' is not a cron");
    }
}
