package io.iterativeflow.cdi.internal;

import static io.iterativeflow.cdi.FlowConfigKeys.FLOW_MAX_CONCURRENCY;
import static io.iterativeflow.cdi.FlowConfigKeys.FLOW_RATE_LIMIT;
import static io.iterativeflow.cdi.FlowConfigKeys.FLOW_RATE_PERIOD;
import static io.iterativeflow.cdi.FlowConfigKeys.flowKey;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.spi.FlowLimit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads {@code flow.flows.<name>.max-concurrency}, {@code .rate-limit} and {@code .rate-period} of every deployed flow
 * name. A key that is set replaces that setting of the flow's newest version; every invalid value is a problem naming
 * its key.
 */
final class FlowLimitsConfig {

    private FlowLimitsConfig() {
    }

    /** The limits the configuration sets, by flow name; only flows with at least one key set. */
    static Map<String, FlowLimit> read(List<DeployedFlow> flows, Function<String, Optional<String>> lookup,
            List<Problem> problems) {
        ConfigValues values = new ConfigValues(lookup, problems);
        Map<String, FlowDefinition<?, ?>> newest = new TreeMap<>();
        for (DeployedFlow flow : flows) {
            newest.merge(flow.definition().name(), flow.definition(),
                    (a, b) -> a.version() >= b.version() ? a : b);
        }
        Map<String, FlowLimit> limits = new TreeMap<>();
        newest.forEach((name, definition) -> read(values, name, definition, problems)
                .ifPresent(limit -> limits.put(name, limit)));
        return limits;
    }

    private static Optional<FlowLimit> read(ConfigValues values, String name, FlowDefinition<?, ?> definition,
            List<Problem> problems) {
        String maxKey = flowKey(name, FLOW_MAX_CONCURRENCY);
        String rateKey = flowKey(name, FLOW_RATE_LIMIT);
        String periodKey = flowKey(name, FLOW_RATE_PERIOD);
        boolean maxSet = values.text(maxKey).isPresent();
        boolean rateSet = values.text(rateKey).isPresent();
        boolean periodSet = values.text(periodKey).isPresent();
        if (!maxSet && !rateSet && !periodSet) {
            return Optional.empty();
        }
        int before = problems.size();
        int max = definition.maxConcurrency().orElse(0);
        if (maxSet) {
            max = values.integer(maxKey, 1);
            if (max < 1) {
                problems.add(Messages.configInvalid(maxKey + " must be 1 or more, got " + max
                        + "; remove the key for no limit"));
            }
        }
        int rate = definition.rateLimit().orElse(0);
        if (rateSet) {
            rate = values.integer(rateKey, 1);
            if (rate < 1) {
                problems.add(Messages.configInvalid(rateKey + " must be 1 or more, got " + rate
                        + "; remove the key for no limit"));
            }
        }
        Duration period = definition.ratePeriod().orElse(FlowDefinition.MIN_RATE_PERIOD);
        if (periodSet) {
            period = values.duration(periodKey, FlowDefinition.MIN_RATE_PERIOD);
            if (period.compareTo(FlowDefinition.MIN_RATE_PERIOD) < 0) {
                problems.add(Messages.configInvalid(periodKey + " must be at least 1s, got " + period
                        + "; for a finer rate, use a longer period with a higher limit"));
            }
            if (rate == 0) {
                problems.add(Messages.configInvalid(periodKey + " is set but flow '" + name + "' has no rate"
                        + " limit; set " + rateKey + " too"));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new FlowLimit(max, rate, rate > 0 ? period : null));
    }
}
