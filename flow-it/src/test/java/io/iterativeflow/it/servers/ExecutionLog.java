package io.iterativeflow.it.servers;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.iterativeflow.it.TestDatabase;

/** What {@link SlowStepsFlow} logged and what the engine recorded, read over plain JDBC from the test JVM. */
final class ExecutionLog {

    private final TestDatabase database = TestDatabase.fromEnvironment();

    void createTable() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists public.it_step_executions (run_id uuid not null,"
                    + " step text not null, at timestamptz not null)");
        }
    }

    long completedRuns(List<String> runIds) throws SQLException {
        return count("select count(*) from workflow.runs where id = any(?) and status = 'completed'", runIds);
    }

    long completedSteps(List<String> runIds) throws SQLException {
        return count("select count(*) from workflow.steps where run_id = any(?) and status = 'completed'", runIds);
    }

    long executions(List<String> runIds) throws SQLException {
        return count("select count(*) from public.it_step_executions where run_id = any(?)", runIds);
    }

    /** Executions of a step that began after the engine had recorded that step: must never happen. */
    long executionsAfterRecording(List<String> runIds) throws SQLException {
        return count("select count(*) from public.it_step_executions e join workflow.steps s"
                + " on s.run_id = e.run_id and s.cursor_key = e.step"
                + " where e.run_id = any(?) and s.status = 'completed' and e.at > s.finished_at", runIds);
    }

    /** (run, step) pairs executed more than once. */
    long stepsExecutedTwice(List<String> runIds) throws SQLException {
        return count("select count(*) from (select run_id, step from public.it_step_executions where run_id = any(?)"
                + " group by run_id, step having count(*) > 1) twice", runIds);
    }

    /** Runs that needed more than one attempt. */
    long runsClaimedAgain(List<String> runIds) throws SQLException {
        return count("select count(*) from workflow.runs where id = any(?) and attempts > 1", runIds);
    }

    /** The instances that claimed these runs (the {@code claimed} events name their owner). */
    Set<String> claimers(List<String> runIds) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("select distinct detail from workflow.events"
                        + " where run_id = any(?) and type = 'claimed'")) {
            query.setArray(1, uuids(connection, runIds));
            try (ResultSet rows = query.executeQuery()) {
                Set<String> owners = new HashSet<>();
                while (rows.next()) {
                    owners.add(rows.getString(1));
                }
                return owners;
            }
        }
    }

    private long count(String sql, List<String> runIds) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, uuids(connection, runIds));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Array uuids(Connection connection, List<String> runIds) throws SQLException {
        return connection.createArrayOf("uuid", runIds.stream().map(UUID::fromString).toArray());
    }
}
