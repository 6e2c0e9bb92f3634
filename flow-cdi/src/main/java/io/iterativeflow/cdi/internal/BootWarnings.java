package io.iterativeflow.cdi.internal;

import io.iterativeflow.cdi.FlowConfigKeys;
import io.iterativeflow.core.config.EngineSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Settings that work but are probably not what was meant: reported in the log at boot, never failing it. Keys under
 * {@code flow.} that the engine does not know (a typo leaves the default in force), a lease shorter than the default
 * step timeout, and more concurrent attempts than the data source's pool has connections, when the pool says.
 */
final class BootWarnings {

    private static final Logger LOG = Logger.getLogger(BootWarnings.class.getName());

    /** Getters of the pools that tell their size: HikariCP, Commons DBCP 2 and Tomcat JDBC, c3p0. */
    private static final List<String> POOL_SIZE_GETTERS = List.of("getMaximumPoolSize", "getMaxTotal", "getMaxActive",
            "getMaxPoolSize");

    /** Prefixes under {@code flow.} whose keys other parts read; see {@link #ownedByOthers(String)}. */
    private static final List<String> OTHER_PREFIXES = List.of(FlowConfigKeys.PREFIX + "rest.",
            FlowConfigKeys.PREFIX + "db.");

    /** The reference server.xml's {@code flow.db} variable (the database's name), which Liberty offers too. */
    private static final String SERVER_XML_DATABASE = FlowConfigKeys.PREFIX + "db";

    private BootWarnings() {
    }

    /** Warnings about the configuration alone. */
    static List<String> ofConfiguration(EngineSettings engine, Iterable<String> configuredNames) {
        List<String> warnings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        configuredNames.forEach(names::add);
        unknownKeys(names).ifPresent(warnings::add);
        // The defaults (30s lease, 10m step timeout) rely on heartbeats by design; warn only about a choice made here.
        boolean chosen = names.contains(FlowConfigKeys.WORKER_LEASE)
                || names.contains(FlowConfigKeys.STEP_DEFAULT_TIMEOUT);
        engine.defaultStepTimeout().filter(timeout -> engine.leaseDuration().compareTo(timeout) < 0)
                .filter(timeout -> chosen)
                .ifPresent(timeout -> warnings.add(FlowConfigKeys.WORKER_LEASE + " (" + engine.leaseDuration()
                        + ") is shorter than " + FlowConfigKeys.STEP_DEFAULT_TIMEOUT + " (" + timeout + "): a step"
                        + " that runs longer than the lease keeps its run only while heartbeats renew the lease; if"
                        + " they stall (a busy scheduler, a slow database), another instance takes the run over and"
                        + " the step runs twice. Set " + FlowConfigKeys.WORKER_LEASE + " to at least the step"
                        + " timeout, or lower " + FlowConfigKeys.STEP_DEFAULT_TIMEOUT));
        return warnings;
    }

    /** A warning when the pool behind {@code dataSource} has fewer connections than attempts may run at once. */
    static Optional<String> ofPool(int concurrency, DataSource dataSource) {
        return poolSize(dataSource).filter(size -> concurrency >= size).map(size -> FlowConfigKeys.WORKER_CONCURRENCY
                + " is " + concurrency + " but the data source's pool holds at most " + size + " connections, and"
                + " the engine also needs connections to claim runs and renew leases: attempts will wait for"
                + " connections. Raise the pool's maximum above " + concurrency + " or lower "
                + FlowConfigKeys.WORKER_CONCURRENCY);
    }

    static void log(List<String> warnings) {
        warnings.forEach(warning -> LOG.warning(() -> "iterativeflow: " + warning));
    }

    /** Every key constant of {@link FlowConfigKeys}. */
    private static final List<String> FLOW_SETTINGS = List.of(FlowConfigKeys.FLOW_MAX_CONCURRENCY,
            FlowConfigKeys.FLOW_RATE_LIMIT, FlowConfigKeys.FLOW_RATE_PERIOD);

    static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>();
        for (Field field : FlowConfigKeys.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String value = (String) field.get(null);
                    if (value.startsWith(FlowConfigKeys.PREFIX) && !value.endsWith(".")) {
                        keys.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return keys;
    }

    private static Optional<String> unknownKeys(Iterable<String> configuredNames) {
        Set<String> known = knownKeys();
        Set<String> unknown = new TreeSet<>();
        for (String name : configuredNames) {
            if (name.startsWith(FlowConfigKeys.PREFIX) && !known.contains(name) && !ownedByOthers(name)
                    && !isFlowKey(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("unknown configuration key(s) " + String.join(", ", unknown) + " are ignored; check"
                + " their spelling. The keys under " + FlowConfigKeys.PREFIX + " are " + String.join(", ", known)
                + ", and per flow " + String.join(", ", FLOW_SETTINGS.stream()
                        .map(setting -> FlowConfigKeys.flowKey("<name>", setting)).toList()));
    }

    /** {@code flow.flows.<name>.<setting>} with one of the per-flow settings. */
    private static boolean isFlowKey(String name) {
        if (!name.startsWith(FlowConfigKeys.FLOWS)) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return dot > FlowConfigKeys.FLOWS.length() && FLOW_SETTINGS.contains(name.substring(dot + 1));
    }

    /**
     * Keys under {@code flow.} that are not the engine's: the REST module's {@code flow.rest.*}, and the
     * {@code flow.db} and {@code flow.db.*} variables of the reference server.xml, which Liberty also offers as
     * configuration.
     */
    private static boolean ownedByOthers(String name) {
        return name.equals(SERVER_XML_DATABASE) || OTHER_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static Optional<Integer> poolSize(DataSource dataSource) {
        for (String getter : POOL_SIZE_GETTERS) {
            try {
                Method method = dataSource.getClass().getMethod(getter);
                Object size = method.invoke(dataSource);
                if (size instanceof Integer n && n > 0) {
                    return Optional.of(n);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not this pool; the size stays unknown unless another getter answers
            }
        }
        return Optional.empty();
    }
}
