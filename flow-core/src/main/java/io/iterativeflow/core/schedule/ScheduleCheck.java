package io.iterativeflow.core.schedule;

import io.iterativeflow.api.CronSchedule;
import io.iterativeflow.api.CronTick;
import io.iterativeflow.api.FlowDefinition;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;

/** Checks a schedule before an engine runs it: expression, jitter, and the flow's input type. */
public final class ScheduleCheck {

    /** Longest jitter accepted: a day. */
    public static final Duration MAX_JITTER = Duration.ofDays(1);

    private ScheduleCheck() {
    }

    /** Adds one problem per defect of {@code schedule}, each naming the schedule. */
    public static void check(CronSchedule schedule, List<String> problems) {
        try {
            CronExpression.parse(schedule.cron(), schedule.zone());
        } catch (IllegalArgumentException e) {
            problems.add(schedule + ": " + e.getMessage());
        }
        if (schedule.jitter().compareTo(MAX_JITTER) > 0) {
            problems.add(schedule + ": jitter " + schedule.jitter() + " is longer than a day; use at most 1d");
        }
    }

    /** Adds a problem when {@code flow} cannot take a tick: its input must be {@link CronTick} or {@link Void}. */
    public static void checkInput(CronSchedule schedule, FlowDefinition<?, ?> flow, List<String> problems) {
        Type input = flow.inputType().type();
        if (!acceptsTicks(input)) {
            problems.add(schedule + ": flow " + flow + " takes " + input.getTypeName() + "; a scheduled flow must"
                    + " take " + CronTick.class.getName() + " or java.lang.Void as its input");
        }
    }

    public static boolean acceptsTicks(Type input) {
        return input == CronTick.class || input == Void.class;
    }
}
