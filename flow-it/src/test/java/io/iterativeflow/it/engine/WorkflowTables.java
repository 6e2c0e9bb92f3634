package io.iterativeflow.it.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.iterativeflow.it.TestDatabase;

/** Reads the engine's tables (schema {@code workflow}) over plain JDBC, from the test JVM. */
final class WorkflowTables {

    /** A row of {@code workflow.runs}; {@code output} is the stored JSON as text. */
    record Run(String status, String output, boolean finished) {
    }

    /** A row of {@code workflow.steps}; {@code result} is the stored JSON value unquoted ({@code #>> '{}'}). */
    record Step(String cursorKey, String kind, String status, String result) {
    }

    /** A row of {@code workflow.events}. */
    record Event(String type, String cursorKey) {
    }

    private final TestDatabase database = TestDatabase.fromEnvironment();

    Run run(String runId) throws SQLException {
        List<Run> runs = query("select status, output::text, finished_at is not null from workflow.runs where id = ?",
                runId, r -> new Run(r.getString(1), r.getString(2), r.getBoolean(3)));
        return runs.isEmpty() ? null : runs.get(0);
    }

    List<Step> steps(String runId) throws SQLException {
        return query("select cursor_key, kind, status, result #>> '{}' from workflow.steps where run_id = ?"
                + " order by position", runId, r -> new Step(r.getString(1), r.getString(2), r.getString(3),
                        r.getString(4)));
    }

    List<Event> events(String runId) throws SQLException {
        return query("select type, cursor_key from workflow.events where run_id = ? order by id", runId,
                r -> new Event(r.getString(1), r.getString(2)));
    }

    /** Deletes the run; its steps, timers, signals and events go with it ({@code ON DELETE CASCADE}). */
    void delete(String runId) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement delete = connection.prepareStatement("delete from workflow.runs where id = ?")) {
            delete.setObject(1, UUID.fromString(runId));
            delete.executeUpdate();
        }
    }

    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, String runId, RowMapper<T> mapper) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, UUID.fromString(runId));
            try (ResultSet rows = query.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }
}
