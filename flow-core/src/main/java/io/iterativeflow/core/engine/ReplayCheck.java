package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.config.DryReplaySettings;
import io.iterativeflow.core.registry.FlowRegistry;
import io.iterativeflow.core.registry.StaticKeys;
import io.iterativeflow.core.spi.FlowStore;
import io.iterativeflow.core.spi.InFlightRun;
import io.iterativeflow.core.spi.RecordedKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Checks, before an engine starts claiming, whether the in-flight runs of its flows can replay on the deployed
 * definitions: a run cannot when its version is not deployed, when its definition knows its keys statically
 * ({@link StaticKeys}) and cannot produce one the run recorded, or, for code flows when a dry replay is configured,
 * when the deployed body cannot follow the run's history ({@link DryReplay}). Reads the runs page by page, so memory
 * stays bounded however many runs are in flight. Runs of flows this engine does not deploy at all belong to other
 * applications and are not looked at.
 */
public final class ReplayCheck {

    static final int PAGE = 500;

    private final FlowStore store;
    private final FlowRegistry registry;
    private final DryReplay dry;
    private final DryReplaySettings drySettings;

    /** A check without dry replays: code flows are checked for their version only. */
    public ReplayCheck(FlowStore store, FlowRegistry registry) {
        this(store, registry, null, DryReplaySettings.off());
    }

    ReplayCheck(FlowStore store, FlowRegistry registry, DryReplay dry, DryReplaySettings drySettings) {
        this.store = store;
        this.registry = registry;
        this.dry = dry;
        this.drySettings = drySettings;
    }

    /** One run that cannot replay, and why. */
    public record Problem(String runId, String flowId, String reason) {
    }

    /**
     * @param problems at most the requested number of problems, in run id order
     * @param unreplayable how many in-flight runs cannot replay (all of them, listed or not)
     * @param checked how many in-flight runs were checked
     * @param skipped what the dry replay left out, one line per flow version and reason
     */
    public record Report(List<Problem> problems, long unreplayable, long checked, List<String> skipped) {

        public boolean clean() {
            return unreplayable == 0;
        }
    }

    /** Checks every in-flight run of the deployed flows; lists at most {@code maxListed} problems. */
    public Report run(int maxListed) {
        DryRound round = new DryRound(System.nanoTime() + drySettings.budget().toNanos());
        Set<String> names = new TreeSet<>();
        registry.all().forEach(d -> names.add(d.name()));
        List<Problem> problems = new ArrayList<>();
        long unreplayable = 0;
        long checked = 0;
        Optional<UUID> after = Optional.empty();
        while (!names.isEmpty()) {
            List<InFlightRun> page = store.inFlightRuns(names, after, PAGE);
            for (InFlightRun run : page) {
                checked++;
                Optional<String> reason = reason(run, round);
                if (reason.isPresent()) {
                    unreplayable++;
                    if (problems.size() < maxListed) {
                        problems.add(new Problem(run.runId().toString(), run.flowId(), reason.get()));
                    }
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).runId());
        }
        return new Report(List.copyOf(problems), unreplayable, checked, round.skipped(drySettings));
    }

    private Optional<String> reason(InFlightRun run, DryRound round) {
        Optional<FlowDefinition<?, ?>> definition = registry.find(run.flowName(), run.flowVersion());
        if (definition.isEmpty()) {
            return Optional.of("flow " + run.flowId() + " is not deployed (deployed: " + deployed(run.flowName())
                    + "); the run waits for it and fails with FLOW_UNKNOWN after flow.versions.undeployed-grace");
        }
        if (PipelineBody.of(definition.get()) instanceof StaticKeys keys) {
            for (RecordedKey recorded : store.recordedKeys(run.runId())) {
                if (!keys.canProduce(recorded.cursorKey(), recorded.kind())) {
                    return Optional.of("it recorded " + recorded.kind() + " '" + recorded.cursorKey() + "', which flow "
                            + run.flowId() + " as deployed can no longer produce");
                }
            }
            return Optional.empty();
        }
        return dryReplay(run, definition.get(), round);
    }

    private Optional<String> dryReplay(InFlightRun run, FlowDefinition<?, ?> definition, DryRound round) {
        if (dry == null || drySettings.limitPerFlow() == 0) {
            return Optional.empty();
        }
        if (drySettings.excluded().contains(run.flowName())) {
            round.skip(run.flowId(), DryRound.EXCLUDED);
            return Optional.empty();
        }
        if (round.replayed(run.flowId()) >= drySettings.limitPerFlow()) {
            round.skip(run.flowId(), DryRound.LIMIT);
            return Optional.empty();
        }
        if (round.outOfTime()) {
            round.skip(run.flowId(), DryRound.BUDGET);
            return Optional.empty();
        }
        round.replay(run.flowId());
        return store.details(run.runId()).flatMap(details -> details.status().isTerminal() ? Optional.empty()
                : dry.check(definition, details));
    }

    private String deployed(String name) {
        Set<String> ids = new TreeSet<>();
        registry.all().stream().filter(d -> d.name().equals(name)).forEach(d -> ids.add(d.toString()));
        return String.join(", ", ids);
    }
}
