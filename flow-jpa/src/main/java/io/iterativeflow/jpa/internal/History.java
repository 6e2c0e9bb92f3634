package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.HistoryEntry;
import io.iterativeflow.core.spi.TimerEntry;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The recorded steps and timers of claimed runs, loaded with one statement (a run's history once per attempt). */
final class History {

    static final History NONE = new History(Map.of(), Map.of());

    private static final String LOAD = """
            SELECT 's' AS source, run_id, cursor_key, name, kind, status, attempts, CAST(result AS text) AS result,
                   error_code, error_message, position, created_at, CAST(NULL AS timestamptz) AS due_at
            FROM workflow.steps WHERE run_id = ANY(CAST(:ids AS uuid[]))
            UNION ALL
            SELECT 't', run_id, cursor_key, NULL, kind, NULL, 0, NULL, NULL, NULL, 0, created_at, due_at
            FROM workflow.timers WHERE run_id = ANY(CAST(:ids AS uuid[]))
            ORDER BY source, run_id, position, created_at, cursor_key
            """;

    private static final String H2_LOAD = """
            SELECT 's' AS source, run_id, cursor_key, name, kind, status, attempts, CAST(result AS VARCHAR) AS result,
                   error_code, error_message, position, created_at, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS due_at
            FROM workflow.steps WHERE run_id IN (:ids)
            UNION ALL
            SELECT 't', run_id, cursor_key, NULL, kind, NULL, 0, NULL, NULL, NULL, 0, created_at, due_at
            FROM workflow.timers WHERE run_id IN (:ids)
            ORDER BY source, run_id, position, created_at, cursor_key
            """;

    private final Map<UUID, List<HistoryEntry>> steps;
    private final Map<UUID, List<TimerEntry>> timers;

    private History(Map<UUID, List<HistoryEntry>> steps, Map<UUID, List<TimerEntry>> timers) {
        this.steps = steps;
        this.timers = timers;
    }

    static History load(EntityManager em, Collection<UUID> runIds, Dialect dialect) {
        SqlCall load = dialect == Dialect.H2
                ? SqlCall.of(em, H2_LOAD).uuidList("ids", runIds)
                : SqlCall.of(em, LOAD).uuids("ids", runIds);
        List<Object[]> rows = load
                .column("source", String.class).column("run_id", UUID.class).column("cursor_key", String.class)
                .column("name", String.class).column("kind", String.class).column("status", String.class)
                .column("attempts", Integer.class).column("result", String.class)
                .column("error_code", String.class).column("error_message", String.class)
                .column("position", Integer.class).column("created_at", Instant.class)
                .column("due_at", Instant.class)
                .rows();
        Map<UUID, List<HistoryEntry>> steps = new HashMap<>();
        Map<UUID, List<TimerEntry>> timers = new HashMap<>();
        for (Object[] r : rows) {
            UUID runId = (UUID) r[1];
            if ("s".equals(r[0])) {
                steps.computeIfAbsent(runId, k -> new ArrayList<>()).add(new HistoryEntry((String) r[2],
                        (String) r[3], (String) r[4], (String) r[5], (Integer) r[6], (String) r[7], (String) r[8],
                        (String) r[9]));
            } else {
                timers.computeIfAbsent(runId, k -> new ArrayList<>())
                        .add(new TimerEntry((String) r[2], (String) r[4], (Instant) r[12]));
            }
        }
        return new History(steps, timers);
    }

    List<HistoryEntry> steps(UUID runId) {
        return steps.getOrDefault(runId, List.of());
    }

    List<TimerEntry> timers(UUID runId) {
        return timers.getOrDefault(runId, List.of());
    }
}
