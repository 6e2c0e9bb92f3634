package io.iterativeflow.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the engine treats runs of flow versions that are no longer deployed.
 *
 * @param undeployedGrace how long a ready run may wait for its flow version before it fails with
 *     {@code FLOW_UNKNOWN} ({@code flow.versions.undeployed-grace}); only engines that deploy another version of
 *     the same flow fail it, so applications sharing one database leave each other's runs alone
 * @param check what the deployment does with in-flight runs that cannot replay on the deployed definitions
 *     ({@code flow.versions.check})
 */
public record VersionSettings(Duration undeployedGrace, CheckMode check) {

    /** What a deployment does when in-flight runs cannot replay on the deployed definitions. */
    public enum CheckMode {
        /** Fail the deployment, listing each run that cannot replay. */
        FAIL,
        /** Log each run that cannot replay and deploy anyway. */
        WARN,
        /** Do not check. */
        OFF
    }

    public static final Duration DEFAULT_GRACE = Duration.ofDays(7);

    /** A grace of 7 days; the deployment check warns. */
    public static VersionSettings defaults() {
        return new VersionSettings(DEFAULT_GRACE, CheckMode.WARN);
    }

    public VersionSettings withUndeployedGrace(Duration value) {
        return new VersionSettings(value, check);
    }

    public VersionSettings withCheck(CheckMode value) {
        return new VersionSettings(undeployedGrace, value);
    }

    /** Every invalid value, named by its key; empty when all are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (undeployedGrace == null || undeployedGrace.isNegative() || undeployedGrace.isZero()) {
            problems.add(EngineSettings.PREFIX + "versions.undeployed-grace must be a positive duration (such as"
                    + " 7d), got " + undeployedGrace);
        }
        if (check == null) {
            problems.add(EngineSettings.PREFIX + "versions.check must be fail, warn or off");
        }
        return problems;
    }
}
