package io.iterativeflow.it.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.iterativeflow.it.TestDatabase;

/**
 * The effects {@link LedgerFlow}'s steps wrote, held against what the engine recorded, read over plain JDBC from the
 * test JVM. A step is recorded by one run attempt (its {@code step_completed} event names it); its effects are then
 * sorted by the run attempt that wrote them:
 * <ul>
 * <li>the recording attempt: exactly one effect, the try that was recorded;</li>
 * <li>an earlier attempt: a try cut off before its record committed; a kill explains at most one per run (a run runs
 * one step at a time), and only in the server JVM that was killed;</li>
 * <li>a later attempt: the recorded step ran again, which must never happen.</li>
 * </ul>
 */
final class Ledger {

    private static final String SORTED = """
            with recorded as (
                select run_id, cursor_key, attempt from workflow.events
                where type = 'step_completed' and run_id = any(?)
            ), effects as (
                select l.run_id, l.step, l.attempt, l.incarnation, r.attempt as recorded_by
                from public.it_fault_ledger l
                left join recorded r on r.run_id = l.run_id and r.cursor_key = l.step
                where l.run_id = any(?)
            )
            """;

    private static final String EFFECTS = SORTED + """
            select
                (select count(*) from effects) as effects,
                (select count(*) from effects where attempt > recorded_by) as re_executed,
                (select coalesce(sum(n - 1), 0) from (select count(*) as n from effects where attempt = recorded_by
                    group by run_id, step) once where n > 1)
                + (select coalesce(sum(case when incarnation = any(?) then greatest(n - 1, 0) else n end), 0)
                   from (select run_id, incarnation, count(*) as n from effects
                         where recorded_by is null or attempt < recorded_by group by run_id, incarnation) cut)
                  as unexplained,
                (select count(*) from effects where recorded_by is null or attempt < recorded_by) as cut_off
            """;

    /** The runs with an effect that is neither a recorded try nor explained by a kill, for the report. */
    private static final String SUSPECT_RUNS = SORTED + """
            select distinct run_id from effects where attempt > recorded_by
            union select run_id from effects where attempt = recorded_by group by run_id, step having count(*) > 1
            union select run_id from effects where recorded_by is null or attempt < recorded_by
                group by run_id, incarnation having count(*) > case when incarnation = any(?) then 1 else 0 end
            """;

    private static final String HISTORY = """
            select 'effect ' || step || ' try ' || try || ' attempt ' || attempt || ' jvm ' || incarnation, at
            from public.it_fault_ledger where run_id = ?
            union all
            select 'event ' || type || ' ' || coalesce(cursor_key, '') || ' attempt ' || attempt || ' '
                   || coalesce(detail, ''), at
            from workflow.events where run_id = ?
            order by 2
            """;

    /** What the ledger says about a set of runs. */
    record Findings(long effects, long reExecuted, long unexplained, long cutOff) {
    }

    private final TestDatabase database = TestDatabase.fromEnvironment();

    void createTable() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists public.it_fault_ledger (run_id uuid not null,"
                    + " step text not null, try integer not null, attempt integer not null,"
                    + " incarnation bigint not null, at timestamptz not null)");
        }
    }

    /** Sorts the effects of {@code runIds}; {@code killed} are the server JVMs (pids) that were killed. */
    Findings findings(List<String> runIds, Collection<Long> killed) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(EFFECTS)) {
            query.setArray(1, uuids(connection, runIds));
            query.setArray(2, uuids(connection, runIds));
            query.setArray(3, connection.createArrayOf("bigint", killed.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Findings(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
            }
        }
    }

    /** The history (effects and engine events, in time order) of every run with a suspect effect. */
    List<String> suspects(List<String> runIds, Collection<Long> killed) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement runs = connection.prepareStatement(SUSPECT_RUNS);
                PreparedStatement history = connection.prepareStatement(HISTORY)) {
            runs.setArray(1, uuids(connection, runIds));
            runs.setArray(2, uuids(connection, runIds));
            runs.setArray(3, connection.createArrayOf("bigint", killed.toArray()));
            try (ResultSet run = runs.executeQuery()) {
                while (run.next()) {
                    lines.add("run " + run.getString(1) + ":");
                    history.setObject(1, run.getObject(1));
                    history.setObject(2, run.getObject(1));
                    try (ResultSet line = history.executeQuery()) {
                        while (line.next()) {
                            lines.add("  " + line.getString(2) + " " + line.getString(1));
                        }
                    }
                }
            }
        }
        return lines;
    }

    long effects(List<String> runIds) throws SQLException {
        return count("select count(*) from public.it_fault_ledger where run_id = any(?)", runIds);
    }

    long completedRuns(List<String> runIds) throws SQLException {
        return count("select count(*) from workflow.runs where id = any(?) and status = 'completed'", runIds);
    }

    /** Runs that ended in any other way than completing. */
    long runsEndedOtherwise(List<String> runIds) throws SQLException {
        return count("select count(*) from workflow.runs where id = any(?) and status in ('failed', 'canceled')",
                runIds);
    }

    long completedSteps(List<String> runIds) throws SQLException {
        return count("select count(*) from workflow.steps where run_id = any(?) and status = 'completed'", runIds);
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
