package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.config.DryReplaySettings;
import io.iterativeflow.core.config.VersionSettings.CheckMode;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.ReplayCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs the {@link ReplayCheck} once the engine is built and before it starts claiming, with dry replays of code
 * flows as configured: in {@code fail} mode the application does not start and every run that cannot replay is listed
 * with its id and reason; in {@code warn} mode they are logged. What the dry replay left out is logged in both.
 */
final class DeploymentReplayCheck {

    /** Runs listed one by one; the rest are counted. */
    static final int MAX_LISTED = 100;

    private static final Logger LOG = Logger.getLogger(DeploymentReplayCheck.class.getName());

    private DeploymentReplayCheck() {
    }

    static void apply(Engine engine, CheckMode mode, DryReplaySettings dryReplay) {
        if (mode == CheckMode.OFF) {
            return;
        }
        ReplayCheck.Report report = engine.replayCheck(dryReplay).run(MAX_LISTED);
        report.skipped().forEach(line -> LOG.info(() -> "iterativeflow: " + line));
        if (report.clean()) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        report.problems().forEach(p -> problems.add(Messages.cannotReplay(p.runId(), p.flowId(), p.reason())));
        if (report.unreplayable() > report.problems().size()) {
            problems.add(Messages.moreCannotReplay(report.unreplayable() - report.problems().size()));
        }
        if (mode == CheckMode.FAIL) {
            throw new FlowException(FlowErrorCode.FLOW_INVALID, report.unreplayable() + " in-flight run(s) cannot"
                    + " replay on the deployed flows:\n" + problems.stream().map(Problem::text)
                            .collect(Collectors.joining("\n")));
        }
        problems.forEach(problem -> LOG.warning(problem::text));
    }
}
