package io.iterativeflow.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.config.RetentionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionConfigTest {

    private final List<Problem> problems = new ArrayList<>();

    private RetentionSettings read(Map<String, String> values) {
        return FlowConfiguration.read(key -> Optional.ofNullable(values.get(key)), problems).engine().retention();
    }

    @Test
    void unset_keys_leave_retention_off_with_an_hourly_schedule() {
        assertThat(read(Map.of())).isEqualTo(RetentionSettings.off());
        assertThat(RetentionSettings.off().schedule()).isEqualTo("0 * * * *");
        assertThat(problems).isEmpty();
    }

    @Test
    void every_retention_key_is_read() {
        RetentionSettings retention = read(Map.of(
                "flow.retention.runs-older-than", "30d",
                "flow.retention.events-older-than", "P7D",
                "flow.retention.batch-size", "250",
                "flow.retention.schedule", " 30 3 * * MON-FRI "));

        assertThat(problems).isEmpty();
        assertThat(retention).isEqualTo(new RetentionSettings(Optional.of(Duration.ofDays(30)),
                Optional.of(Duration.ofDays(7)), 250, "30 3 * * MON-FRI"));
        assertThat(retention.enabled()).isTrue();
    }

    @Test
    void a_bad_schedule_is_one_problem_naming_the_key_and_the_default_stays() {
        RetentionSettings retention = read(Map.of("flow.retention.schedule", "0 25 * * *"));

        assertThat(problems).singleElement().extracting(Problem::text).asString()
                .startsWith("FLOWCDI020: flow.retention.schedule '0 25 * * *' is not a cron expression");
        assertThat(retention.schedule()).isEqualTo(RetentionSettings.DEFAULT_SCHEDULE);
    }
}
