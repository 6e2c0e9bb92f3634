package io.iterativeflow.cdi.schedules;

import io.iterativeflow.api.FlowSchedule;
import jakarta.enterprise.context.ApplicationScoped;

/** Scheduled methods that cannot run: a wrong parameter, and an invalid expression. */
@ApplicationScoped
public class BadScheduledMethods {

    @FlowSchedule(cron = "0 7 * * *")
    void report(String recipient) {
    }

    @FlowSchedule(cron = "61 * * * *")
    void cleanUp() {
    }
}
