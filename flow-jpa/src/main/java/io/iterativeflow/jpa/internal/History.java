package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.HistoryEntry;
import io.iterativeflow.core.spi.TimerEntry;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
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
            SELECT 's' AS source, run_id, cursor_key, name, kind, status, attempts, %1$s AS result,
                   error_code, error_message, position, created_at, %2$s AS due_at
            FROM workflow.steps WHERE %3$s
            UNION ALL
            SELECT 't', run_id, cursor_key, NULL, kind, NULL, 0, NULL, NULL, NULL, 0, created_at, due_at
            FROM workflow.timers WHERE %3$s
            ORDER BY source, run_id, position, created_at, cursor_key
            """;

    private final Map<UUID, List<HistoryEntry>> steps;
    private final Map<UUID, List<TimerEntry>> timers;

    private History(Map<UUID, List<HistoryEntry>> steps, Map<UUID, List<TimerEntry>> timers) {
        this.steps = steps;
        this.timers = timers;
    }

    List<HistoryEntry> steps(UUID runId) {
        return steps.getOrDefault(runId, List.of());
    }

    List<TimerEntry> timers(UUID runId) {
        return timers.getOrDefault(runId, List.of());
    }

    /** One row of the load: a step ({@code source = 's'}) or a timer ({@code 't'}) of a run. */
    private record Entry(UUID runId, HistoryEntry step, TimerEntry timer) {

        static Entry read(SqlCall.Row row) throws SQLException {
            String cursorKey = row.text("cursor_key");
            return "s".equals(row.text("source"))
                    ? new Entry(row.uuid("run_id"), new HistoryEntry(cursorKey, row.text("name"),
                            row.text("kind"), row.text("status"), row.integer("attempts"), row.text("result"),
                            row.text("error_code"), row.text("error_message")), null)
                    : new Entry(row.uuid("run_id"), null,
                            new TimerEntry(cursorKey, row.text("kind"), row.instant("due_at")));
        }
    }

    /** The load statement, its text fixed once per database. */
    static final class Loader {

        private final Fragments fragments;
        private final String load;

        Loader(Fragments fragments) {
            this.fragments = fragments;
            this.load = LOAD.formatted(fragments.jsonText("result"), fragments.nullTimestamp(),
                    fragments.inIds("run_id", "ids"));
        }

        History load(EntityManager em, Collection<UUID> runIds) {
            Map<UUID, List<HistoryEntry>> steps = new HashMap<>();
            Map<UUID, List<TimerEntry>> timers = new HashMap<>();
            for (Entry entry : fragments.ids(SqlCall.of(em, load), "ids", runIds).list(Entry::read)) {
                if (entry.step() != null) {
                    steps.computeIfAbsent(entry.runId(), k -> new ArrayList<>()).add(entry.step());
                } else {
                    timers.computeIfAbsent(entry.runId(), k -> new ArrayList<>()).add(entry.timer());
                }
            }
            return new History(steps, timers);
        }
    }
}
