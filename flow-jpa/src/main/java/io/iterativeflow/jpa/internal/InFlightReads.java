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

    /** {@code %1$s}: the names bound with {@link Fragments#texts}; {@code %2$s}: the keyset condition or nothing. */
    private static final String PAGE = """
            SELECT id, flow_name, flow_version, status FROM workflow.runs
            WHERE status NOT IN %s AND %%1$s%%2$s
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
    private final Fragments fragments;

    public InFlightReads(Transactions tx, Database database) {
        this.tx = tx;
        this.fragments = database.fragments;
    }

    public List<InFlightRun> page(Set<String> names, Optional<UUID> after, int limit) {
        List<String> listed = List.copyOf(names);
        String sql = PAGE.formatted(fragments.inTexts("flow_name", "names"),
                after.isPresent() ? " AND id > :after" : "");
        return tx.readOnly(em -> {
            SqlCall call = fragments.texts(SqlCall.of(em, sql), "names", listed).integer("limit", limit);
            after.ifPresent(a -> call.uuid("after", a));
            return call.list(row -> new InFlightRun(row.uuid("id"), row.text("flow_name"),
                    row.integer("flow_version"), RunStatus.fromDbName(row.text("status"))));
        });
    }

    public List<RecordedKey> keys(UUID runId) {
        return tx.readOnly(em -> SqlCall.of(em, KEYS).uuid("runId", runId)
                .list(row -> new RecordedKey(row.text("cursor_key"), row.text("kind"))));
    }
}
