package io.iterativeflow.core.registry;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.FlowLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The deployed flows, by name and version, and by the class that defined them. */
public final class FlowRegistry {

    private final Map<String, NavigableMap<Integer, FlowDefinition<?, ?>>> byName = new ConcurrentHashMap<>();
    private final Map<Class<?>, FlowDefinition<?, ?>> byClass = new ConcurrentHashMap<>();
    private final Map<String, FlowLimit> limitOverrides;
    private volatile Map<String, FlowLimit> limits = Map.of();

    public FlowRegistry() {
        this(Map.of());
    }

    /** @param limitOverrides limits by flow name that replace those of the definitions (the configuration's) */
    public FlowRegistry(Map<String, FlowLimit> limitOverrides) {
        this.limitOverrides = Map.copyOf(limitOverrides);
    }

    /**
     * Registers every definition, or none: returns the problems (duplicate name and version), empty on success.
     *
     * @param sources the class that defined each definition, or null for builder definitions
     */
    public synchronized List<String> registerAll(List<FlowDefinition<?, ?>> definitions, List<Class<?>> sources) {
        List<String> problems = new ArrayList<>();
        Map<String, FlowDefinition<?, ?>> seen = new TreeMap<>();
        for (FlowDefinition<?, ?> d : definitions) {
            String id = d.name() + "@" + d.version();
            if (seen.putIfAbsent(id, d) != null || find(d.name(), d.version()).isPresent()) {
                problems.add("flow " + id + " is defined more than once; give each definition its own name or"
                        + " version");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        for (int i = 0; i < definitions.size(); i++) {
            FlowDefinition<?, ?> d = definitions.get(i);
            byName.computeIfAbsent(d.name(), n -> new TreeMap<>()).put(d.version(), d);
            if (sources.get(i) != null) {
                byClass.put(sources.get(i), d);
            }
        }
        limits = resolveLimits();
        return problems;
    }

    public Optional<FlowDefinition<?, ?>> find(String name, int version) {
        NavigableMap<Integer, FlowDefinition<?, ?>> versions = byName.get(name);
        return Optional.ofNullable(versions == null ? null : versions.get(version));
    }

    /** The newest version of {@code name}, or {@code FLOW_UNKNOWN}. */
    public FlowDefinition<?, ?> newest(String name) {
        NavigableMap<Integer, FlowDefinition<?, ?>> versions = byName.get(name);
        if (versions == null || versions.isEmpty()) {
            throw new FlowException(FlowErrorCode.FLOW_UNKNOWN, "no flow named '" + name + "' is deployed; deployed: "
                    + byName.keySet());
        }
        return versions.lastEntry().getValue();
    }

    /** The definition of a {@code @Flow} class, or {@code FLOW_UNKNOWN}. */
    public FlowDefinition<?, ?> forClass(Class<?> flowClass) {
        FlowDefinition<?, ?> d = byClass.get(flowClass);
        if (d == null) {
            throw new FlowException(FlowErrorCode.FLOW_UNKNOWN, flowClass.getName() + " is not a deployed flow;"
                    + " annotate it with @Flow and make sure it is a bean of the application");
        }
        return d;
    }

    /** The deployed flows as {@code name@version}, the form the store filters claims by. */
    public Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        byName.values().forEach(versions -> versions.values().forEach(d -> ids.add(d.toString())));
        return ids;
    }

    /**
     * The limits of the deployed flows that have any, by flow name: the override when there is one, else those of the
     * newest deployed version.
     */
    public Map<String, FlowLimit> limits() {
        return limits;
    }

    /** Whether runs of {@code flowName} are claimed under a limit. */
    public boolean limited(String flowName) {
        return limits.containsKey(flowName);
    }

    private Map<String, FlowLimit> resolveLimits() {
        Map<String, FlowLimit> resolved = new TreeMap<>();
        byName.forEach((name, versions) -> {
            FlowLimit limit = limitOverrides.get(name);
            if (limit == null && !versions.isEmpty()) {
                FlowDefinition<?, ?> newest = versions.lastEntry().getValue();
                limit = new FlowLimit(newest.maxConcurrency().orElse(0), newest.rateLimit().orElse(0),
                        newest.ratePeriod().orElse(null));
            }
            if (limit != null && limit.limited()) {
                resolved.put(name, limit);
            }
        });
        return Map.copyOf(resolved);
    }

    public List<FlowDefinition<?, ?>> all() {
        List<FlowDefinition<?, ?>> all = new ArrayList<>();
        byName.values().forEach(v -> all.addAll(v.values()));
        return all;
    }
}
