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
        String sql = sql(query, after, h2);
        return tx.readOnly(em -> bind(SqlCall.of(em, sql), query, after, h2).integer("limit", limit)
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
        String sql = "EXPLAIN " + sql(query, after, false);
        return tx.readOnly(em -> bind(SqlCall.of(em, sql), query, after, false).integer("limit", limit)
                .column("QUERY PLAN", String.class).rows().stream().map(r -> (String) r[0]).toList());
    }

    /**
     * The listing statement with only the set filters. H2 takes the statuses as {@code IN (:statuses)}, the tag with
     * {@code ARRAY_CONTAINS} and the cursor without a row comparison.
     */
    private static String sql(RunQuery query, Optional<RunPosition> after, boolean h2) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        query.flowName().ifPresent(n -> sql.append(" AND flow_name = :flowName"));
        if (!query.statuses().isEmpty()) {
            sql.append(h2 ? " AND status IN (:statuses)" : " AND status = ANY(CAST(:statuses AS text[]))");
        }
        query.tag().ifPresent(t -> sql.append(h2 ? " AND ARRAY_CONTAINS(tags, :tag)"
                : " AND tags @> CAST(:tags AS text[])"));
        query.since().ifPresent(s -> sql.append(" AND created_at >= :since"));
        query.until().ifPresent(u -> sql.append(" AND created_at < :until"));
        after.ifPresent(a -> sql.append(h2 ? " AND (created_at < :afterCreatedAt"
                + " OR (created_at = :afterCreatedAt AND id < :afterId))"
                : " AND (created_at, id) < (:afterCreatedAt, :afterId)"));
        return sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit").toString();
    }

    private static SqlCall bind(SqlCall call, RunQuery query, Optional<RunPosition> after, boolean h2) {
        SqlCall c = call;
        if (query.flowName().isPresent()) {
            c = c.text("flowName", query.flowName().get());
        }
        if (!query.statuses().isEmpty()) {
            List<String> statuses = query.statuses().stream().map(RunStatus::dbName).sorted().toList();
            c = h2 ? c.textList("statuses", statuses) : c.text("statuses", Sql.textArray(statuses));
        }
        if (query.tag().isPresent()) {
            c = h2 ? c.text("tag", query.tag().get()) : c.text("tags", Sql.textArray(List.of(query.tag().get())));
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
