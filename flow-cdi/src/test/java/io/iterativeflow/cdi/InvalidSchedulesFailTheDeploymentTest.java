package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.cdi.schedules.BadCron;
import io.iterativeflow.cdi.schedules.BadScheduledMethods;
import io.iterativeflow.cdi.schedules.BadZoneAndJitter;
import io.iterativeflow.cdi.schedules.ScheduleWithoutFlow;
import io.iterativeflow.cdi.schedules.WrongInput;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.TestConfig;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.Test;

class InvalidSchedulesFailTheDeploymentTest {

    @Test
    void every_invalid_schedule_is_reported_naming_its_class() {
        try (TestConfig config = TestConfig.of()) {
            assertThatThrownBy(() -> Containers.boot(BadCron.class, BadZoneAndJitter.class, WrongInput.class,
                    ScheduleWithoutFlow.class).close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("FLOWCDI050: @FlowSchedule on " + BadCron.class.getName()
                            + ": schedule '0 25 * * *' (UTC) of flow bad-cron: '0 25 * * *' is not a valid cron"
                            + " expression")
                    .hasMessageContaining("FLOWCDI051: @FlowSchedule on " + BadZoneAndJitter.class.getName()
                            + " has zone 'Mars/Olympus', which is not a time zone")
                    .hasMessageContaining("FLOWCDI052: @FlowSchedule on " + BadZoneAndJitter.class.getName()
                            + " has jitter 'soon'")
                    .hasMessageContaining("FLOWCDI050: @FlowSchedule on " + WrongInput.class.getName()
                            + ": schedule '0 7 * * *' (UTC) of flow wrong-input: flow wrong-input@1 takes"
                            + " java.lang.String; a scheduled flow must take io.iterativeflow.api.CronTick or"
                            + " java.lang.Void")
                    .hasMessageContaining("FLOWCDI053: " + ScheduleWithoutFlow.class.getName()
                            + " has @FlowSchedule but no @Flow");
        }
    }

    @Test
    void scheduled_bean_methods_that_cannot_run_fail_the_deployment_naming_each() {
        try (TestConfig config = TestConfig.of()) {
            assertThatThrownBy(() -> Containers.boot(BadScheduledMethods.class).close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("FLOWCDI054: @FlowSchedule method " + BadScheduledMethods.class.getName()
                            + ".report() cannot be scheduled: it must take no parameter or one CronTick")
                    .hasMessageContaining("FLOWCDI050: @FlowSchedule on " + BadScheduledMethods.class.getName()
                            + ": schedule '61 * * * *'");
        }
    }
}
