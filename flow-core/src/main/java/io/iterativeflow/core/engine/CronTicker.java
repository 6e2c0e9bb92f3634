package io.iterativeflow.core.engine;

import io.iterativeflow.api.CronSchedule;
import io.iterativeflow.api.CronTick;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.core.spi.KeyedRun;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Starts the runs of the cron schedules. Every instance computes the same ticks; each tick's run has the idempotency
 * key {@code cron:<flow>:<tick instant>}, so it is created once however many instances see the tick. A tick found
 * more than {@link #onTimeWindow() the on-time window} late was missed (no instance was running): it is skipped or
 * made up for once, as the schedule says. Where a schedule left off is read from its newest run, not kept in a table.
 */
final class CronTicker {

    private static final Logger LOG = Logger.getLogger(CronTicker.class.getName());
    private static final Duration MIN_ON_TIME_WINDOW = Duration.ofMinutes(1);

    private final EngineParts parts;
    private final List<Ticking> schedules;

    CronTicker(EngineParts parts, List<ScheduledFlow> schedules,
            Function<FlowDefinition<?, ?>, FlowHandle<?, ?>> handles) {
        this.parts = parts;
        this.schedules = schedules.stream().map(s -> new Ticking(s, handles.apply(s.flow()))).toList();
    }

    /** The periodic check to schedule, or empty when there are no schedules. */
    Optional<Runnable> start(Instant startedAt) {
        if (schedules.isEmpty()) {
            return Optional.empty();
        }
        schedules.forEach(s -> s.startedAt = startedAt);
        return Optional.of(this::check);
    }

    Duration onTimeWindow() {
        Duration polls = parts.settings().pollInterval().multipliedBy(3);
        return polls.compareTo(MIN_ON_TIME_WINDOW) > 0 ? polls : MIN_ON_TIME_WINDOW;
    }

    void check() {
        Instant now = parts.clock().instant();
        for (Ticking ticking : schedules) {
            try {
                ticking.check(now);
            } catch (RuntimeException e) {
                parts.outage().failed(LOG, ticking.flow.schedule() + ": checking for a due tick failed; trying"
                        + " again at the next poll", e);
            }
        }
    }

    private final class Ticking {

        private final ScheduledFlow flow;
        private final FlowHandle<?, ?> handle;
        private volatile Instant startedAt;
        private Instant last;

        Ticking(ScheduledFlow flow, FlowHandle<?, ?> handle) {
            this.flow = flow;
            this.handle = handle;
        }

        synchronized void check(Instant now) {
            if (last == null) {
                last = lastTick().orElse(startedAt);
            }
            Optional<Instant> due = flow.expression().latestBetween(last, now);
            if (due.isEmpty()) {
                return;
            }
            Instant tick = due.get();
            boolean late = Duration.between(tick, now).compareTo(onTimeWindow()) > 0;
            if (late && flow.schedule().missed() == CronSchedule.Missed.SKIP) {
                LOG.info(() -> flow.schedule() + ": tick " + tick + " was missed while no instance ran; skipped");
            } else if (!overlapping(tick)) {
                fire(tick);
            }
            last = tick;
        }

        private Optional<Instant> lastTick() {
            return parts.store().latestRunWithKeyPrefix(flow.flow().name(), flow.keyPrefix())
                    .flatMap(run -> parseTick(run.idempotencyKey()));
        }

        private boolean overlapping(Instant tick) {
            if (flow.schedule().overlap() == CronSchedule.Overlap.ALLOW) {
                return false;
            }
            Optional<KeyedRun> latest = parts.store().latestRunWithKeyPrefix(flow.flow().name(), flow.keyPrefix());
            boolean busy = latest.isPresent() && !latest.get().status().isTerminal()
                    && !latest.get().idempotencyKey().equals(key(tick));
            if (busy) {
                LOG.info(() -> flow.schedule() + ": tick " + tick + " skipped; run " + latest.get().runId()
                        + " of an earlier tick is still " + latest.get().status().dbName());
            }
            return busy;
        }

        @SuppressWarnings("unchecked")
        private void fire(Instant tick) {
            String key = key(tick);
            Object input = flow.flow().inputType().type() == CronTick.class
                    ? new CronTick(flow.flow().name(), tick) : null;
            StartOptions options = StartOptions.none().withIdempotencyKey(key).withTags(CronSchedule.TAG)
                    .withDelay(jitter(key));
            String runId = ((FlowHandle<Object, ?>) handle).start(input, options);
            LOG.fine(() -> flow.schedule() + ": tick " + tick + " is run " + runId);
        }

        private String key(Instant tick) {
            return flow.keyPrefix() + tick;
        }

        /** The same delay on every instance for one tick, so the run does not depend on which instance won. */
        private Duration jitter(String key) {
            long max = flow.schedule().jitter().toMillis();
            return max <= 0 ? Duration.ZERO : Duration.ofMillis(Math.floorMod(key.hashCode(), max));
        }

        private Optional<Instant> parseTick(String key) {
            try {
                return Optional.of(Instant.parse(key.substring(flow.keyPrefix().length())));
            } catch (DateTimeParseException | IndexOutOfBoundsException e) {
                return Optional.empty();
            }
        }
    }
}
