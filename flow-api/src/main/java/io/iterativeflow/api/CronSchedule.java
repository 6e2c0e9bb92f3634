package io.iterativeflow.api;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A cron schedule defined in code, the counterpart of {@link FlowSchedule}: pass it to the engine builder. Immutable:
 * every {@code with...} returns a copy. The expression is checked when the engine is built; an invalid one fails the
 * build naming the schedule.
 *
 * <pre>{@code
 * CronSchedule.of("morning-report", "0 7 * * 1-5").withZone(ZoneId.of("Europe/Berlin"))
 * }</pre>
 */
public final class CronSchedule {

    /** The tag every run started by a schedule carries. */
    public static final String TAG = "cron";

    /** What a tick does while the run of an earlier tick of the same schedule is unfinished. */
    public enum Overlap {
        /** The tick starts nothing. */
        SKIP,
        /** The tick starts its run anyway. */
        ALLOW
    }

    /** What happens to ticks that passed while no instance was running. */
    public enum Missed {
        /** They are dropped; the schedule goes on with the next tick. */
        SKIP,
        /** One run is started for the latest of them. */
        RUN_ONCE
    }

    private final String flowName;
    private final String cron;
    private final ZoneId zone;
    private final Overlap overlap;
    private final Missed missed;
    private final Duration jitter;

    private CronSchedule(String flowName, String cron, ZoneId zone, Overlap overlap, Missed missed,
            Duration jitter) {
        this.flowName = flowName;
        this.cron = cron;
        this.zone = zone;
        this.overlap = overlap;
        this.missed = missed;
        this.jitter = jitter;
    }

    /** A schedule in UTC, overlap and missed ticks skipped, no jitter. */
    public static CronSchedule of(String flowName, String cron) {
        FlowDefinition.checkName(flowName);
        if (cron == null || cron.isBlank()) {
            throw new IllegalArgumentException("schedule of flow '" + flowName + "': the cron expression must not be"
                    + " blank; use five fields such as \"0 7 * * 1-5\"");
        }
        return new CronSchedule(flowName, cron.trim(), ZoneOffset.UTC, Overlap.SKIP, Missed.SKIP, Duration.ZERO);
    }

    public CronSchedule withZone(ZoneId newZone) {
        return new CronSchedule(flowName, cron, Objects.requireNonNull(newZone, "zone"), overlap, missed, jitter);
    }

    public CronSchedule withOverlap(Overlap newOverlap) {
        return new CronSchedule(flowName, cron, zone, Objects.requireNonNull(newOverlap, "overlap"), missed, jitter);
    }

    public CronSchedule withMissed(Missed newMissed) {
        return new CronSchedule(flowName, cron, zone, overlap, Objects.requireNonNull(newMissed, "missed"), jitter);
    }

    /** Delays each tick's run by up to {@code newJitter}; zero or more. */
    public CronSchedule withJitter(Duration newJitter) {
        if (newJitter == null || newJitter.isNegative()) {
            throw new IllegalArgumentException("schedule of flow '" + flowName + "': jitter must be zero or more, got "
                    + newJitter);
        }
        return new CronSchedule(flowName, cron, zone, overlap, missed, newJitter);
    }

    public String flowName() {
        return flowName;
    }

    public String cron() {
        return cron;
    }

    public ZoneId zone() {
        return zone;
    }

    public Overlap overlap() {
        return overlap;
    }

    public Missed missed() {
        return missed;
    }

    public Duration jitter() {
        return jitter;
    }

    @Override
    public String toString() {
        return "schedule '" + cron + "' (" + zone + ") of flow " + flowName;
    }
}
