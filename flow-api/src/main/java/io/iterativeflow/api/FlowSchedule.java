package io.iterativeflow.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a run of a {@link Flow} class on a cron schedule. The flow's input type must be {@link CronTick} (the run
 * learns which tick started it) or {@link Void}. Each tick starts at most one run across every instance sharing the
 * database (its idempotency key is {@code cron:<flow>:<tick instant>}); the runs carry the tag
 * {@value CronSchedule#TAG}. An invalid expression, zone or jitter fails the deployment.
 *
 * <pre>{@code
 * @Flow(name = "morning-report")
 * @FlowSchedule(cron = "0 7 * * 1-5", zone = "Europe/Berlin", jitter = "30s")
 * public class MorningReport implements FlowBody<CronTick, Void> { ... }
 * }</pre>
 *
 * <p>On a method of a CDI bean, each tick runs the method once, as the single step of a flow the deployment creates
 * for it: named {@code <simple class name>.<method name>}, version 1, with the same guarantees per tick. The method
 * takes no parameter or one {@link CronTick}; its return value is ignored; a method that throws fails that tick's
 * run (visible in {@code listRuns}), and the next tick runs again.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Housekeeping {
 *     @FlowSchedule(cron = "30 2 * * *")
 *     void purgeExpiredCarts(CronTick tick) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FlowSchedule {

    /**
     * A five-field cron expression: minute, hour, day of month, month, day of week ({@code 0 7 * * 1-5}). Fields take
     * numbers, ranges, lists, steps and names ({@code MON-FRI}, {@code JAN}).
     */
    String cron();

    /** The time zone the expression is read in, a {@link java.time.ZoneId} ({@code Europe/Berlin}). */
    String zone() default "UTC";

    /** Whether a tick starts a run while the run of an earlier tick is still unfinished. */
    CronSchedule.Overlap overlap() default CronSchedule.Overlap.SKIP;

    /** Ticks missed while no instance was running: skipped, or made up for by one run. */
    CronSchedule.Missed missed() default CronSchedule.Missed.SKIP;

    /**
     * Delays each tick's run by up to this much ({@code 30s}, {@code 5m}, {@code PT30S}), the same delay on every
     * instance, to spread load. {@code 0s} (the default) starts it at the tick.
     */
    String jitter() default "0s";
}
