package io.iterativeflow.cdi.internal;

import static io.iterativeflow.cdi.FlowConfigKeys.VERSIONS_CHECK;
import static io.iterativeflow.cdi.FlowConfigKeys.VERSIONS_UNDEPLOYED_GRACE;

import io.iterativeflow.core.config.VersionSettings;
import io.iterativeflow.core.config.VersionSettings.CheckMode;
import java.util.List;
import java.util.Locale;

/** Reads {@code flow.versions.*}; every invalid value is a problem naming its key. */
final class VersionsConfig {

    private VersionsConfig() {
    }

    static VersionSettings read(ConfigValues values, List<Problem> problems) {
        VersionSettings defaults = VersionSettings.defaults();
        VersionSettings settings = new VersionSettings(
                values.duration(VERSIONS_UNDEPLOYED_GRACE, defaults.undeployedGrace()),
                mode(values, problems, defaults.check()));
        settings.problems().forEach(problem -> problems.add(Messages.configInvalid(problem)));
        return settings;
    }

    private static CheckMode mode(ConfigValues values, List<Problem> problems, CheckMode fallback) {
        return values.text(VERSIONS_CHECK).map(value -> {
            try {
                return CheckMode.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(Messages.configInvalid(VERSIONS_CHECK + "='" + value + "' is not a check mode; use"
                        + " fail, warn or off"));
                return fallback;
            }
        }).orElse(fallback);
    }
}
