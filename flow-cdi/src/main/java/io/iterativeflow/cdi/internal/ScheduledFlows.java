package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.CronSchedule;
import io.iterativeflow.api.FlowSchedule;
import io.iterativeflow.core.config.Durations;
import io.iterativeflow.core.schedule.ScheduleCheck;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code @FlowSchedule} from the deployed {@code @Flow} classes and checks each schedule. */
final class ScheduledFlows {

    private ScheduledFlows() {
    }

    /** The schedules of {@code flows}; every defect adds a problem naming the annotated class. */
    static List<CronSchedule> read(List<DeployedFlow> flows, List<Problem> problems) {
        List<CronSchedule> schedules = new ArrayList<>();
        for (DeployedFlow flow : flows) {
            Class<?> source = flow.source();
            FlowSchedule annotation = source == null ? null : source.getAnnotation(FlowSchedule.class);
            if (annotation != null) {
                read(flow, source, annotation, problems).ifPresent(schedules::add);
            }
        }
        return schedules;
    }

    /** The schedule of a flow made for a scheduled bean method; defects name the bean's class. */
    static Optional<CronSchedule> readMethod(DeployedFlow flow, Class<?> beanClass, FlowSchedule annotation,
            List<Problem> problems) {
        return read(flow, beanClass, annotation, problems);
    }

    private static Optional<CronSchedule> read(DeployedFlow flow, Class<?> source, FlowSchedule annotation,
            List<Problem> problems) {
        int before = problems.size();
        ZoneId zone = zone(source, annotation.zone(), problems);
        Duration jitter = jitter(source, annotation.jitter(), problems);
        CronSchedule schedule;
        try {
            schedule = CronSchedule.of(flow.definition().name(), annotation.cron()).withZone(zone)
                    .withOverlap(annotation.overlap()).withMissed(annotation.missed()).withJitter(jitter);
        } catch (IllegalArgumentException e) {
            problems.add(ScheduleMessages.invalid(source, e.getMessage()));
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        ScheduleCheck.check(schedule, found);
        ScheduleCheck.checkInput(schedule, flow.definition(), found);
        found.forEach(why -> problems.add(ScheduleMessages.invalid(source, why)));
        return problems.size() == before ? Optional.of(schedule) : Optional.empty();
    }

    private static ZoneId zone(Class<?> source, String zone, List<Problem> problems) {
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            problems.add(ScheduleMessages.badZone(source, zone));
            return ZoneId.of("UTC");
        }
    }

    private static Duration jitter(Class<?> source, String jitter, List<Problem> problems) {
        try {
            return Durations.parse(jitter);
        } catch (IllegalArgumentException e) {
            problems.add(ScheduleMessages.badJitter(source, jitter, e.getMessage()));
            return Duration.ZERO;
        }
    }
}
