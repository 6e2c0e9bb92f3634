package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.core.spi.ClaimedRun;

/** The messages of replay drift: each names the run, the place in its history, what was recorded and what asked. */
final class DriftMessages {

    private static final String CHANGED_IN_PLACE = "; the flow's code changed while the run was in flight: deploy"
            + " changed code under a new version (runs replay on the version they started on), keep this version"
            + " deployed until its runs finish, or cancel the run";
    private static final String NOT_DETERMINISTIC = "; code outside ctx.step(...) must take the same path on every"
            + " attempt: move clock reads, random values and reads of outside state into steps";

    private DriftMessages() {
    }

    static DriftException changedKind(ClaimedRun run, String where, String key, String recordedKind,
            String askedKind) {
        return new DriftException(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION, prefix(run) + " recorded a "
                + recordedKind + " at '" + key + "' (" + where + ") but the code now calls " + askedKind + " there"
                + CHANGED_IN_PLACE, run.runId().toString());
    }

    static DriftException replaced(ClaimedRun run, String where, String recordedKind, String recordedKey,
            String askedKind, String askedKey) {
        return new DriftException(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION, prefix(run) + " recorded " + recordedKind
                + " '" + recordedKey + "' at " + where + ", but the code now asks for " + askedKind + " '" + askedKey
                + "' there and never asked for '" + recordedKey + "'" + CHANGED_IN_PLACE, run.runId().toString());
    }

    static DriftException occurrences(ClaimedRun run, String where, String recordedKind, String recordedKey,
            String askedKind, String askedKey, int times, String base) {
        return new DriftException(FlowErrorCode.REPLAY_NON_DETERMINISTIC, prefix(run) + " recorded " + recordedKind
                + " '" + recordedKey + "' at " + where + ", but this attempt asks for " + askedKind + " '" + askedKey
                + "' there, after asking for '" + base + "' " + times + " time(s): the number of occurrences changed"
                + NOT_DETERMINISTIC, run.runId().toString());
    }

    static DriftException fewerOccurrences(ClaimedRun run, String where, String recordedKind, String recordedKey,
            int times, String base) {
        return new DriftException(FlowErrorCode.REPLAY_NON_DETERMINISTIC, prefix(run) + " recorded " + recordedKind
                + " '" + recordedKey + "' (" + where + "), but this attempt returned after asking for '" + base
                + "' only " + times + " time(s): the number of occurrences changed" + NOT_DETERMINISTIC,
                run.runId().toString());
    }

    static DriftException gone(ClaimedRun run, String where, String recordedKind, String recordedKey) {
        return new DriftException(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION, prefix(run) + " recorded "
                + recordedKind + " '" + recordedKey + "' (" + where + "), but the code returned without ever asking"
                + " for it" + CHANGED_IN_PLACE, run.runId().toString());
    }

    private static String prefix(ClaimedRun run) {
        return "run " + run.runId() + " cannot replay on flow " + run.flowName() + "@" + run.flowVersion() + ": it";
    }
}
