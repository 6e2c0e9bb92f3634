package io.iterativeflow.cdi.internal;

import static io.iterativeflow.cdi.FlowConfigKeys.VERSIONS_DRY_REPLAY_BUDGET;
import static io.iterativeflow.cdi.FlowConfigKeys.VERSIONS_DRY_REPLAY_EXCLUDE;
import static io.iterativeflow.cdi.FlowConfigKeys.VERSIONS_DRY_REPLAY_LIMIT;

import io.iterativeflow.core.config.DryReplaySettings;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@code flow.versions.dry-replay.*}; every invalid value is a problem naming its key. */
final class DryReplayConfig {

    private DryReplayConfig() {
    }

    static DryReplaySettings read(ConfigValues values, List<Problem> problems) {
        DryReplaySettings defaults = DryReplaySettings.defaults();
        Set<String> excluded = values.text(VERSIONS_DRY_REPLAY_EXCLUDE)
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        DryReplaySettings settings = new DryReplaySettings(
                values.integer(VERSIONS_DRY_REPLAY_LIMIT, defaults.limitPerFlow()),
                values.duration(VERSIONS_DRY_REPLAY_BUDGET, defaults.budget()),
                excluded);
        settings.problems().forEach(problem -> problems.add(Messages.configInvalid(problem)));
        return settings;
    }
}
