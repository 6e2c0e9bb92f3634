package io.iterativeflow.cdi.schedules;

import io.iterativeflow.api.FlowSchedule;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@FlowSchedule(cron = "0 7 * * *")
public class ScheduleWithoutFlow {
}
