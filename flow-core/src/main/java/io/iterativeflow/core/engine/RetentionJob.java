package io.iterativeflow.core.engine;

import io.iterativeflow.core.config.CronSchedule;
import io.iterativeflow.core.config.RetentionSettings;
import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs retention on the engine's scheduler at the times of {@code flow.retention.schedule}, when an age is set. Each
 * pass schedules the next one; a failed pass is logged and the schedule goes on.
 */
final class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    private final Retention retention;
    private final RetentionSettings settings;
    private final FlowClock clock;
    private final ScheduledExecutorService scheduler;
    private volatile boolean running;
    private volatile ScheduledFuture<?> next;

    RetentionJob(Retention retention, RetentionSettings settings, FlowClock clock,
            ScheduledExecutorService scheduler) {
        this.retention = retention;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    synchronized void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        scheduleAfter(clock.instant(), CronSchedule.parse(settings.schedule()));
    }

    synchronized void stop() {
        running = false;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private synchronized void scheduleAfter(Instant now, CronSchedule schedule) {
        Optional<Instant> due = schedule.next(now);
        if (!running || due.isEmpty()) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), due.get()).toMillis());
        try {
            next = scheduler.schedule(() -> pass(due.get(), schedule), delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            LOG.log(Level.FINE, "retention not scheduled (scheduler shut down?)", rejected);
        }
    }

    private void pass(Instant due, CronSchedule schedule) {
        try {
            if (running) {
                retention.runConfigured(settings, () -> running);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention failed; it runs again at the next time of its schedule", e);
        } finally {
            Instant now = clock.instant();
            scheduleAfter(now.isAfter(due) ? now : due, schedule);
        }
    }
}
