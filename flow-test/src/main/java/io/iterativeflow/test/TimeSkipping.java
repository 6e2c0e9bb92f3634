package io.iterativeflow.test;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.StepInfo;
import io.iterativeflow.api.TimerInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Waits for a condition on a run the way a test wants: run what is ready; when the condition does not hold yet and
 * nothing is ready, move the virtual clock to the earliest time any run becomes due (a sleep, a retry, a timeout)
 * and go on. Stops with a message when the run ended otherwise or when nothing will ever become due by itself.
 */
final class TimeSkipping {

    private static final String NEXT_DUE = "SELECT available_at FROM workflow.runs WHERE status IN"
            + " ('pending', 'retrying', 'sleeping', 'awaiting_signal') AND available_at IS NOT NULL";

    /** Rounds of running and skipping before a run that never gets anywhere is reported. */
    private static final int MAX_ROUNDS = 10_000;

    private final TestFlowEnvironment env;
    private final TestStore database;

    TimeSkipping(TestFlowEnvironment env, TestStore database) {
        this.env = env;
        this.database = database;
    }

    RunInfo await(String runId, Predicate<RunInfo> condition, String what) {
        Duration skipped = Duration.ZERO;
        for (int round = 0; ; round++) {
            env.runUntilIdle();
            RunInfo run = env.status(runId);
            if (condition.test(run)) {
                return run;
            }
            if (run.status().isTerminal()) {
                throw new FlowException(FlowErrorCode.WAIT_UNSATISFIABLE, "run " + runId + " ended without reaching "
                        + what + ": " + describe(run), runId, null);
            }
            Optional<Instant> next = nextDue();
            if (next.isEmpty()) {
                throw new FlowException(FlowErrorCode.WAIT_UNSATISFIABLE, "run " + runId + " cannot reach " + what
                        + " by itself: " + describe(run) + hint(run), runId, null);
            }
            Duration gap = Duration.between(database.clock().instant(), next.get());
            gap = (gap.isNegative() ? Duration.ZERO : gap).plusMillis(1);
            skipped = skipped.plus(gap);
            if (skipped.compareTo(TestFlowEnvironment.MAX_SKIP) > 0 || round >= MAX_ROUNDS) {
                throw new FlowException(FlowErrorCode.RESULT_TIMEOUT, "run " + runId + " did not reach " + what
                        + " within " + TestFlowEnvironment.MAX_SKIP.toDays() + " days of virtual time: "
                        + describe(run), runId, null);
            }
            database.clock().advance(gap);
        }
    }

    /**
     * The earliest wake time of a waiting run. It may have passed already (it was not due yet when the last round
     * claimed, a moment ago): then the next round claims the run.
     */
    private Optional<Instant> nextDue() {
        Instant earliest = null;
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(NEXT_DUE);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Instant due = rows.getObject(1, OffsetDateTime.class).toInstant();
                if (earliest == null || due.isBefore(earliest)) {
                    earliest = due;
                }
            }
        } catch (SQLException e) {
            throw new FlowException(FlowErrorCode.STORE_UNAVAILABLE, "reading the due times of the test's runs"
                    + " failed: " + e.getMessage(), e);
        }
        return Optional.ofNullable(earliest);
    }

    static String describe(RunInfo run) {
        return "status " + run.status().dbName() + ", history " + run.steps().stream().map(StepInfo::cursorKey)
                .collect(Collectors.toList()) + ", open timers " + run.timers().stream()
                .filter(t -> t.firedAt().isEmpty()).map(TimerInfo::cursorKey).collect(Collectors.toList())
                + run.errorMessage().map(m -> ", error " + m).orElse("");
    }

    private static String hint(RunInfo run) {
        if (run.status() == RunStatus.AWAITING_SIGNAL) {
            return "; it waits for a signal: send it with signal(runId, name, payload)";
        }
        if (run.status() == RunStatus.RUNNING) {
            return "; it is leased to an instance that is not running it: advance the clock past lease()";
        }
        if (run.status() == RunStatus.AWAITING_CHILD) {
            return "; it waits for a child run that cannot go on by itself either";
        }
        return "; no run has a due time (is its flow version registered?)";
    }
}
