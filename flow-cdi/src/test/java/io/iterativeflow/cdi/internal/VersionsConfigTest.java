package io.iterativeflow.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.config.VersionSettings;
import io.iterativeflow.core.config.VersionSettings.CheckMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionsConfigTest {

    private final List<Problem> problems = new ArrayList<>();

    private VersionSettings read(Map<String, String> values) {
        return FlowConfiguration.read(key -> Optional.ofNullable(values.get(key)), problems).versions();
    }

    @Test
    void without_keys_runs_wait_seven_days_and_the_deployment_check_warns() {
        assertThat(read(Map.of())).isEqualTo(new VersionSettings(Duration.ofDays(7), CheckMode.WARN));
        assertThat(problems).isEmpty();
    }

    @Test
    void the_grace_takes_short_forms_and_the_mode_any_case() {
        assertThat(read(Map.of("flow.versions.undeployed-grace", "36h", "flow.versions.check", "FAIL")))
                .isEqualTo(new VersionSettings(Duration.ofHours(36), CheckMode.FAIL));
        assertThat(read(Map.of("flow.versions.check", " off "))).extracting(VersionSettings::check)
                .isEqualTo(CheckMode.OFF);
        assertThat(problems).isEmpty();
    }

    @Test
    void invalid_values_are_problems_naming_the_key() {
        read(Map.of("flow.versions.undeployed-grace", "0s", "flow.versions.check", "maybe"));
        assertThat(problems).extracting(Problem::text).containsExactlyInAnyOrder(
                "FLOWCDI020: flow.versions.undeployed-grace must be a positive duration (such as 7d), got PT0S",
                "FLOWCDI020: flow.versions.check='maybe' is not a check mode; use fail, warn or off");
    }
}
