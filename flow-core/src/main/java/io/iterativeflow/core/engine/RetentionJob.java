package io.iterativeflow.core.engine;

import io.iterativeflow.core.config.CronSchedule;
import io.iterativeflow.core.config.RetentionSettings;
import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs retention on the engine's scheduler at the times of {@code flow.retention.schedule}, when an age is set. A
 * pass is a chain of scheduler tasks of one batch each, so heartbeats and claims get the scheduler's threads between
 * batches; it stops between batches when the engine stops. A failed pass is logged and the schedule goes on.
 */
final class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    private final Retention retention;
    private final RetentionSettings settings;
    private final FlowClock clock;
    private final ScheduledExecutorService scheduler;
    private volatile boolean running;
    private volatile ScheduledFuture<?> pending;
    private CronSchedule schedule;

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
        schedule = CronSchedule.parse(settings.schedule());
        scheduleAfter(clock.instant());
    }

    void stop() {
        running = false;
        ScheduledFuture<?> next = pending;
        if (next != null) {
            next.cancel(false);
        }
    }

    private void scheduleAfter(Instant after) {
        Optional<Instant> due = schedule.next(after);
        if (running && due.isPresent()) {
            long delay = Math.max(0, Duration.between(clock.instant(), due.get()).toMillis());
            submit(() -> new Pass(due.get()).step(), delay);
        }
    }

    private void submit(Runnable task, long delayMillis) {
        try {
            pending = scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            LOG.log(Level.FINE, "retention not scheduled (scheduler shut down?)", rejected);
        }
    }

    /** One pass: the configured targets, one batch per scheduler task. */
    private final class Pass {

        private final Instant due;
        private final Deque<Retention.Target> targets = new ArrayDeque<>();
        private long deleted;

        Pass(Instant due) {
            this.due = due;
            settings.runsOlderThan().ifPresent(age -> targets.add(Retention.Target.RUNS));
            settings.eventsOlderThan().ifPresent(age -> targets.add(Retention.Target.EVENTS));
        }

        void step() {
            if (!running) {
                return;
            }
            try {
                Retention.Target target = targets.peek();
                int n = retention.batch(target, target == Retention.Target.RUNS ? settings.runsOlderThan().get()
                        : settings.eventsOlderThan().get());
                deleted += n;
                if (n < retention.batchSize()) {
                    finishTarget(target);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "retention failed; it runs again at the next time of its schedule", e);
                targets.clear();
            }
            if (targets.isEmpty()) {
                Instant now = clock.instant();
                scheduleAfter(now.isAfter(due) ? now : due);
            } else {
                submit(this::step, 0);
            }
        }

        private void finishTarget(Retention.Target target) {
            targets.poll();
            if (deleted > 0) {
                long total = deleted;
                LOG.info(() -> "retention deleted " + total + (target == Retention.Target.RUNS ? " run(s)"
                        : " event(s)"));
            }
            deleted = 0;
        }
    }
}
