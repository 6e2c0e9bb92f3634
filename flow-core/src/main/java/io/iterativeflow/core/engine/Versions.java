package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.core.registry.FlowRegistry;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Several versions of one flow side by side: handles by name and version, the {@code waitingForVersion} flag of a
 * snapshot, and the sweep that fails runs which waited longer than the grace for a version no longer deployed.
 */
final class Versions {

    private static final Logger LOG = Logger.getLogger(Versions.class.getName());

    private final EngineParts parts;

    Versions(EngineParts parts) {
        this.parts = parts;
    }

    /** The deployed definition {@code name@version}, checked against the caller's types. */
    FlowDefinition<?, ?> find(String name, int version, Class<?> inputType, Class<?> outputType) {
        FlowDefinition<?, ?> found = parts.registry().find(name, version).orElseThrow(() -> new FlowException(
                FlowErrorCode.FLOW_UNKNOWN, "flow " + name + "@" + version + " is not deployed; deployed versions of '"
                        + name + "': " + deployedVersions(name) + "; deploy that version or ask for a deployed one"));
        return checkTypes(found, inputType, outputType);
    }

    static FlowDefinition<?, ?> checkTypes(FlowDefinition<?, ?> definition, Class<?> inputType,
            Class<?> outputType) {
        if (!definition.inputType().type().equals(inputType) || !definition.outputType().type().equals(outputType)) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "flow " + definition + " takes "
                    + definition.inputType() + " and returns " + definition.outputType() + ", not "
                    + inputType.getName() + " and " + outputType.getName());
        }
        return definition;
    }

    /** The snapshot with {@code waitingForVersion} set when it waits on a version this engine does not deploy. */
    RunInfo flagged(RunInfo info) {
        boolean waits = !info.status().isTerminal() && info.status() != io.iterativeflow.api.RunStatus.RUNNING;
        return info.withWaitingForVersion(waits
                && parts.registry().find(info.flowName(), info.flowVersion()).isEmpty());
    }

    /** Runs of flows deployed here that wait on a version not deployed here. */
    long waitingForVersion() {
        Set<String> names = names();
        return names.isEmpty() ? 0 : parts.store().countWaitingForVersion(names, parts.registry().ids());
    }

    /** Fails the runs that waited longer than the grace; part of the reconciler's sweep. */
    void failExpired() {
        Set<String> names = names();
        if (names.isEmpty()) {
            return;
        }
        try {
            int failed = parts.store().failUndeployed(names, parts.registry().ids(),
                    parts.versions().undeployedGrace(), parts.settings().claimBatchSize() * 4);
            if (failed > 0) {
                LOG.warning(() -> failed + " run(s) waited longer than flow.versions.undeployed-grace ("
                        + parts.versions().undeployedGrace() + ") for a flow version that is not deployed and"
                        + " failed with FLOW_UNKNOWN");
            }
        } catch (RuntimeException e) {
            parts.outage().failed(LOG, "failing runs of undeployed flow versions failed; retrying at the next sweep", e);
        }
    }

    private Set<String> names() {
        Set<String> names = new TreeSet<>();
        parts.registry().all().forEach(d -> names.add(d.name()));
        return names;
    }

    private Set<Integer> deployedVersions(String name) {
        Set<Integer> versions = new TreeSet<>();
        parts.registry().all().stream().filter(d -> d.name().equals(name)).forEach(d -> versions.add(d.version()));
        return versions;
    }
}
