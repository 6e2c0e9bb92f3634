package io.iterativeflow.cdi.schedules;

import io.iterativeflow.api.CronTick;
import io.iterativeflow.api.FlowSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A bean whose method runs every minute through the engine, once per tick. */
@ApplicationScoped
public class Housekeeping {

    /** The ticks the method was called with, across every instance of the bean. */
    public static final List<Instant> SWEPT = new CopyOnWriteArrayList<>();

    @FlowSchedule(cron = "* * * * *")
    void sweep(CronTick tick) {
        SWEPT.add(tick.scheduledAt());
    }
}
