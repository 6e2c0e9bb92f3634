package io.iterativeflow.core.config;

import jakarta.enterprise.concurrent.CronTrigger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A cron expression read by Jakarta Concurrency's {@link CronTrigger} (no parser of our own), evaluated in UTC. Five
 * fields ({@code minute hour day-of-month month day-of-week}) or six with seconds first; names such as {@code MON}
 * and ranges, lists and steps ({@code 1-5}, {@code 0,30}, {@code *}{@code /15}) as the trigger accepts them.
 */
public final class CronSchedule {

    private final String expression;
    private final CronTrigger trigger;

    private CronSchedule(String expression, CronTrigger trigger) {
        this.expression = expression;
        this.trigger = trigger;
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code expression} */
    public static CronSchedule parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("is empty; use a cron expression such as '0 3 * * *' (03:00 UTC)");
        }
        try {
            return new CronSchedule(expression.trim(), new CronTrigger(expression.trim(), ZoneOffset.UTC));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a cron expression (" + e.getMessage()
                    + "); use five fields, minute hour day-of-month month day-of-week, such as '0 3 * * *'", e);
        } catch (NoClassDefFoundError e) {
            throw new IllegalArgumentException("cannot be read without the Jakarta Concurrency API (" + e
                    + "); run in a container that provides it or add jakarta.enterprise.concurrent-api 3.0+", e);
        }
    }

    /** Why {@code expression} is not a valid schedule, or empty when it is. */
    static Optional<String> problem(String expression) {
        try {
            parse(expression);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The first time strictly after {@code after} that the schedule fires, or empty if it never fires again. */
    public Optional<Instant> next(Instant after) {
        ZonedDateTime from = after.atZone(ZoneOffset.UTC);
        ZonedDateTime next = trigger.getNextRunTime(null, from);
        while (next != null && !next.isAfter(from)) {
            next = trigger.getNextRunTime(null, next.plusSeconds(1));
        }
        return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
    }

    @Override
    public String toString() {
        return expression;
    }
}
