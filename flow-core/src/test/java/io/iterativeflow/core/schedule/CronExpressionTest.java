package io.iterativeflow.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void the_next_tick_is_strictly_after_the_instant() {
        CronExpression weekdays = CronExpression.parse("0 7 * * 1-5", ZoneOffset.UTC);

        assertThat(weekdays.nextAfter(Instant.parse("2027-01-04T06:59:59Z"))).isEqualTo("2027-01-04T07:00:00Z");
        assertThat(weekdays.nextAfter(Instant.parse("2027-01-04T07:00:00Z"))).isEqualTo("2027-01-05T07:00:00Z");
        assertThat(weekdays.nextAfter(Instant.parse("2027-01-08T07:00:00Z")))
                .as("friday to monday").isEqualTo("2027-01-11T07:00:00Z");
    }

    @Test
    void the_expression_is_read_in_its_zone_across_the_spring_change() {
        CronExpression seven = CronExpression.parse("0 7 * * *", BERLIN);

        assertThat(ticks(seven, "2027-03-26T12:00:00Z", 3)).containsExactly(
                Instant.parse("2027-03-27T06:00:00Z"), Instant.parse("2027-03-28T05:00:00Z"),
                Instant.parse("2027-03-29T05:00:00Z"));
    }

    @Test
    void a_wall_clock_time_that_does_not_exist_has_no_tick_and_one_that_repeats_ticks_once() {
        CronExpression halfPastTwo = CronExpression.parse("30 2 * * *", BERLIN);

        assertThat(ticks(halfPastTwo, "2027-03-27T00:00:00Z", 2)).as("02:30 does not exist on 28 March")
                .containsExactly(Instant.parse("2027-03-27T01:30:00Z"), Instant.parse("2027-03-29T00:30:00Z"));
        assertThat(ticks(halfPastTwo, "2027-10-30T00:00:00Z", 3)).as("02:30 happens twice on 31 October")
                .containsExactly(Instant.parse("2027-10-30T00:30:00Z"), Instant.parse("2027-10-31T00:30:00Z"),
                        Instant.parse("2027-11-01T01:30:00Z"));
    }

    @Test
    void the_latest_tick_between_two_instants_is_found_even_after_a_long_gap() {
        CronExpression hourly = CronExpression.parse("0 * * * *", ZoneOffset.UTC);
        CronExpression leapDay = CronExpression.parse("0 0 29 2 *", ZoneOffset.UTC);

        assertThat(hourly.latestBetween(Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-03-05T10:42:00Z")))
                .contains(Instant.parse("2027-03-05T10:00:00Z"));
        assertThat(hourly.latestBetween(Instant.parse("2027-01-01T10:00:00Z"), Instant.parse("2027-01-01T10:59:00Z")))
                .isEmpty();
        assertThat(leapDay.latestBetween(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")))
                .contains(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @Test
    void only_five_fields_are_accepted() {
        assertThatThrownBy(() -> CronExpression.parse("0 0 7 * * *", ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 6 fields");
        assertThatThrownBy(() -> CronExpression.parse("0 7 * *", ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 4 fields");
    }

    @Test
    void invalid_and_never_matching_expressions_are_refused() {
        assertThatThrownBy(() -> CronExpression.parse("61 7 * * *", ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid cron expression");
        assertThatThrownBy(() -> CronExpression.parse("0 7 30 2 *", ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never matches");
        assertThatThrownBy(() -> CronExpression.parse(" ", ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    private static List<Instant> ticks(CronExpression expression, String from, int count) {
        List<Instant> ticks = new ArrayList<>();
        Instant tick = Instant.parse(from);
        for (int i = 0; i < count; i++) {
            tick = expression.nextAfter(tick);
            ticks.add(tick);
        }
        return ticks;
    }
}
