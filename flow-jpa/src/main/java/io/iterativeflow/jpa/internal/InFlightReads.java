package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.spi.InFlightRun;
import io.iterativeflow.core.spi.RecordedKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The deployment check's reads: in-flight runs page by page (keyset on the id), and one run's recorded keys. */
public final class InFlightReads {

    private static final String PAGE = """
            SELECT id, flow_name, flow_version, status FROM workflow.runs
            WHERE status NOT IN %s AND flow_name = ANY(CAST(:names AS text[]))
              AND (CAST(:after AS uuid) IS NULL OR id > CAST(:after AS uuid))
            ORDER BY id
            LIMIT :limit
            """.formatted(Sql.TERMINAL);

    /** H2: {@code %1$s} is an {@link H2Sql#textArray} of the names, {@code %2$s} the keyset condition or nothing. */
    private static final String H2_PAGE = """
            SELECT id, flow_name, flow_version, status FROM workflow.runs
            WHERE status NOT IN %s AND flow_name = ANY(%%1$s)%%2$s
            ORDER BY id
            LIMIT :limit
            """.formatted(Sql.TERMINAL);

    private static final String KEYS = """
            SELECT cursor_key, kind, 0 AS source, position FROM workflow.steps WHERE run_id = :runId
            UNION ALL
            SELECT cursor_key, kind, 1, 0 FROM workflow.timers WHERE run_id = :runId AND kind = 'sleep'
            ORDER BY source, position, cursor_key
            """;

    private final Transactions tx;

    public InFlightReads(Transactions tx) {
        this.tx = tx;
    }

    public List<InFlightRun> page(Set<String> names, Optional<UUID> after, int limit) {
        if (tx.dialect() == Dialect.H2) {
            return pageH2(List.copyOf(names), after, limit);
        }
        return tx.readOnly(em -> SqlCall.of(em, PAGE).text("names", Sql.textArray(names))
                .text("after", after.map(UUID::toString).orElse(null)).integer("limit", limit)
                .column("id", UUID.class).column("flow_name", String.class).column("flow_version", Integer.class)
                .column("status", String.class)
                .rows().stream()
                .map(r -> new InFlightRun((UUID) r[0], (String) r[1], (Integer) r[2],
                        RunStatus.fromDbName((String) r[3])))
                .toList());
    }

    private List<InFlightRun> pageH2(List<String> names, Optional<UUID> after, int limit) {
        String sql = H2_PAGE.formatted(H2Sql.textArray("names", names), after.isPresent() ? " AND id > :after" : "");
        return tx.readOnly(em -> {
            SqlCall call = SqlCall.of(em, sql).texts("names", names).integer("limit", limit);
            after.ifPresent(a -> call.uuid("after", a));
            return call.column("id", UUID.class).column("flow_name", String.class)
                    .column("flow_version", Integer.class).column("status", String.class)
                    .rows().stream()
                    .map(r -> new InFlightRun((UUID) r[0], (String) r[1], (Integer) r[2],
                            RunStatus.fromDbName((String) r[3])))
                    .toList();
        });
    }

    public List<RecordedKey> keys(UUID runId) {
        return tx.readOnly(em -> SqlCall.of(em, KEYS).uuid("runId", runId)
                .column("cursor_key", String.class).column("kind", String.class)
                .rows().stream()
                .map(r -> new RecordedKey((String) r[0], (String) r[1]))
                .toList());
    }
}
