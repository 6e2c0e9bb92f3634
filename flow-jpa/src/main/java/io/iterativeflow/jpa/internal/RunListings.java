package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.RunSummary;
import io.iterativeflow.core.spi.RunPosition;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code listRuns}: one keyset query, newest first. Only the filters that are set become conditions, so each shape
 * of query gets a plan that walks {@code runs_listing} (or {@code runs_listing_by_flow} with a flow name) from the
 * cursor on, instead of a generic plan that cannot use either.
 */
public final class RunListings {

    private static final String COLUMNS = "SELECT id, flow_name, flow_version, status, attempts, idempotency_key,"
            + " tags, priority, error_code, created_at, updated_at, finished_at FROM workflow.runs WHERE TRUE";

    private final Transactions tx;

    public RunListings(Transactions tx) {
        this.tx = tx;
    }

    public List<RunSummary> list(RunQuery query, Optional<RunPosition> after, int limit) {
        boolean h2 = tx.dialect() == Dialect.H2;
        String sql = h2 ? sqlH2(query, after) : sql(query, after);
        return tx.readOnly(em -> (h2 ? bindH2(SqlCall.of(em, sql), query, after)
                : bind(SqlCall.of(em, sql), query, after)).integer("limit", limit)
                .column("id", UUID.class).column("flow_name", String.class).column("flow_version", Integer.class)
                .column("status", String.class).column("attempts", Integer.class)
                .column("idempotency_key", String.class).column("tags", String[].class)
                .column("priority", Integer.class).column("error_code", String.class)
                .column("created_at", Instant.class).column("updated_at", Instant.class)
                .column("finished_at", Instant.class)
                .rows().stream().map(RunListings::summary).toList());
    }

    /** PostgreSQL's plan of the listing statement with these bindings, one line per row ({@code EXPLAIN}). */
    public List<String> plan(RunQuery query, Optional<RunPosition> after, int limit) {
        String sql = "EXPLAIN " + sql(query, after);
        return tx.readOnly(em -> bind(SqlCall.of(em, sql), query, after).integer("limit", limit)
                .column("QUERY PLAN", String.class).rows().stream().map(r -> (String) r[0]).toList());
    }

    private static String sql(RunQuery query, Optional<RunPosition> after) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        query.flowName().ifPresent(n -> sql.append(" AND flow_name = :flowName"));
        if (!query.statuses().isEmpty()) {
            sql.append(" AND status = ANY(CAST(:statuses AS text[]))");
        }
        query.tag().ifPresent(t -> sql.append(" AND tags @> CAST(:tags AS text[])"));
        query.since().ifPresent(s -> sql.append(" AND created_at >= :since"));
        query.until().ifPresent(u -> sql.append(" AND created_at < :until"));
        after.ifPresent(a -> sql.append(" AND (created_at, id) < (:afterCreatedAt, :afterId)"));
        return sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit").toString();
    }

    /** H2: the statuses as {@code IN (:statuses)}, the tag with {@code ARRAY_CONTAINS}. */
    private static String sqlH2(RunQuery query, Optional<RunPosition> after) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        query.flowName().ifPresent(n -> sql.append(" AND flow_name = :flowName"));
        if (!query.statuses().isEmpty()) {
            sql.append(" AND status IN (:statuses)");
        }
        query.tag().ifPresent(t -> sql.append(" AND ARRAY_CONTAINS(tags, :tag)"));
        query.since().ifPresent(s -> sql.append(" AND created_at >= :since"));
        query.until().ifPresent(u -> sql.append(" AND created_at < :until"));
        after.ifPresent(a -> sql.append(" AND (created_at < :afterCreatedAt"
                + " OR (created_at = :afterCreatedAt AND id < :afterId))"));
        return sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit").toString();
    }

    private static SqlCall bindH2(SqlCall call, RunQuery query, Optional<RunPosition> after) {
        SqlCall c = call;
        if (query.flowName().isPresent()) {
            c = c.text("flowName", query.flowName().get());
        }
        if (!query.statuses().isEmpty()) {
            c = c.textList("statuses", query.statuses().stream().map(RunStatus::dbName).sorted().toList());
        }
        if (query.tag().isPresent()) {
            c = c.text("tag", query.tag().get());
        }
        if (query.since().isPresent()) {
            c = c.instant("since", query.since().get());
        }
        if (query.until().isPresent()) {
            c = c.instant("until", query.until().get());
        }
        if (after.isPresent()) {
            c = c.instant("afterCreatedAt", after.get().createdAt()).uuid("afterId", after.get().runId());
        }
        return c;
    }

    private static SqlCall bind(SqlCall call, RunQuery query, Optional<RunPosition> after) {
        SqlCall c = call;
        if (query.flowName().isPresent()) {
            c = c.text("flowName", query.flowName().get());
        }
        if (!query.statuses().isEmpty()) {
            c = c.text("statuses", Sql.textArray(query.statuses().stream().map(RunStatus::dbName).sorted().toList()));
        }
        if (query.tag().isPresent()) {
            c = c.text("tags", Sql.textArray(List.of(query.tag().get())));
        }
        if (query.since().isPresent()) {
            c = c.instant("since", query.since().get());
        }
        if (query.until().isPresent()) {
            c = c.instant("until", query.until().get());
        }
        if (after.isPresent()) {
            c = c.instant("afterCreatedAt", after.get().createdAt()).uuid("afterId", after.get().runId());
        }
        return c;
    }

    private static RunSummary summary(Object[] r) {
        String[] tags = (String[]) r[6];
        return new RunSummary(r[0].toString(), (String) r[1], (Integer) r[2], RunStatus.fromDbName((String) r[3]),
                (Integer) r[4], Optional.ofNullable((String) r[5]),
                tags == null ? Set.of() : Set.copyOf(Arrays.asList(tags)), (Integer) r[7],
                RunInfoMapper.errorCode((String) r[8]), (Instant) r[9], (Instant) r[10],
                Optional.ofNullable((Instant) r[11]));
    }
}
