package io.iterativeflow.core.schedule;

import jakarta.enterprise.concurrent.CronTrigger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A five-field cron expression read in a time zone. Parsing and matching are Jakarta Concurrency's
 * {@link CronTrigger}; this class only adds "the next tick strictly after an instant" and the daylight-saving rule:
 * a wall-clock time that does not exist (clocks jump forward) has no tick, and one that occurs twice (clocks fall
 * back) ticks once, at its first occurrence.
 */
public final class CronExpression {

    private static final int FIELDS = 5;
    private static final List<Duration> LOOK_BACK = List.of(Duration.ofDays(1), Duration.ofDays(32),
            Duration.ofDays(367), Duration.ofDays(5 * 366));

    private final String text;
    private final Trigger trigger;

    private CronExpression(String text, Trigger trigger) {
        this.text = text;
        this.trigger = trigger;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static CronExpression parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the cron expression is blank");
        }
        int fields = text.trim().split("\\s+").length;
        if (fields != FIELDS) {
            throw new IllegalArgumentException("'" + text + "' has " + fields + " fields; a cron expression has five:"
                    + " minute hour day-of-month month day-of-week, such as \"0 7 * * 1-5\"");
        }
        Trigger trigger;
        try {
            trigger = new Trigger(text.trim(), zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid cron expression (" + e.getMessage()
                    + "); use five fields such as \"0 7 * * 1-5\"", e);
        }
        CronExpression expression = new CronExpression(text.trim(), trigger);
        try {
            expression.nextAfter(Instant.EPOCH);
        } catch (DateTimeException never) {
            throw new IllegalArgumentException("'" + text + "' never matches a date (such as the 30th of February)",
                    never);
        }
        return expression;
    }

    /** The first tick strictly after {@code instant}. */
    public Instant nextAfter(Instant instant) {
        ZonedDateTime from = instant.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES)
                .atZone(trigger.getZoneId());
        while (true) {
            ZonedDateTime tick = trigger.at(from);
            if (tick.withEarlierOffsetAtOverlap().equals(tick)) {
                return tick.toInstant();
            }
            from = tick.plusMinutes(1);
        }
    }

    /**
     * The latest tick after {@code after} and at or before {@code instant}, if any. Looks back at most as far as
     * needed: a day, then a month, a year, and five years (enough for every field combination, 29 February included).
     */
    public Optional<Instant> latestBetween(Instant after, Instant instant) {
        for (Duration window : LOOK_BACK) {
            Instant from = instant.minus(window).isAfter(after) ? instant.minus(window) : after;
            Instant latest = null;
            for (Instant tick = nextAfter(from); !tick.isAfter(instant); tick = nextAfter(tick)) {
                latest = tick;
            }
            if (latest != null || !from.isAfter(after)) {
                return Optional.ofNullable(latest);
            }
        }
        return Optional.empty();
    }

    public ZoneId zone() {
        return trigger.getZoneId();
    }

    @Override
    public String toString() {
        return text + " (" + trigger.getZoneId() + ")";
    }

    /** Opens {@link CronTrigger#next}, the next matching time at or after a time. */
    private static final class Trigger extends CronTrigger {

        Trigger(String cron, ZoneId zone) {
            super(cron, zone);
        }

        ZonedDateTime at(ZonedDateTime from) {
            return next(from);
        }
    }
}
