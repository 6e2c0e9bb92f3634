package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.RunSummary;
import io.iterativeflow.core.spi.RunPosition;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code listRuns}: one keyset query, newest first. Only the filters that are set become conditions, so each shape
 * of query gets a plan that walks {@code runs_listing} (or {@code runs_listing_by_flow} with a flow name) from the
 * cursor on, instead of a generic plan that cannot use either.
 */
public final class RunListings {

    private static final String COLUMNS = "SELECT id, flow_name, flow_version, status, attempts, idempotency_key,"
            + " tags, priority, error_code, created_at, updated_at, finished_at, started_by FROM workflow.runs"
            + " WHERE TRUE";

    private final Transactions tx;
    private final Fragments fragments;

    public RunListings(Transactions tx, Database database) {
        this.tx = tx;
        this.fragments = database.fragments;
    }

    public List<RunSummary> list(RunQuery query, Optional<RunPosition> after, int limit) {
        String sql = sql(query, after);
        return tx.readOnly(em -> bind(SqlCall.of(em, sql), query, after).integer("limit", limit)
                .list(RunListings::summary));
    }

    /** The database's plan of the listing statement with these bindings, one line per row ({@code EXPLAIN}). */
    public List<String> plan(RunQuery query, Optional<RunPosition> after, int limit) {
        String sql = "EXPLAIN " + sql(query, after);
        return tx.readOnly(em -> bind(SqlCall.of(em, sql), query, after).integer("limit", limit)
                .list(row -> row.text("QUERY PLAN")));
    }

    /** The listing statement with only the set filters. */
    private String sql(RunQuery query, Optional<RunPosition> after) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        query.flowName().ifPresent(n -> sql.append(" AND flow_name = :flowName"));
        if (!query.statuses().isEmpty()) {
            sql.append(" AND ").append(fragments.inTexts("status", "statuses"));
        }
        query.tag().ifPresent(t -> sql.append(" AND ").append(fragments.containsText("tags", "tag")));
        query.since().ifPresent(s -> sql.append(" AND created_at >= :since"));
        query.until().ifPresent(u -> sql.append(" AND created_at < :until"));
        after.ifPresent(a -> sql.append(" AND ")
                .append(fragments.before("created_at", "afterCreatedAt", "id", "afterId")));
        return sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit").toString();
    }

    private SqlCall bind(SqlCall call, RunQuery query, Optional<RunPosition> after) {
        SqlCall c = call;
        if (query.flowName().isPresent()) {
            c = c.text("flowName", query.flowName().get());
        }
        if (!query.statuses().isEmpty()) {
            c = fragments.texts(c, "statuses", query.statuses().stream().map(RunStatus::dbName).sorted().toList());
        }
        if (query.tag().isPresent()) {
            c = fragments.containedText(c, "tag", query.tag().get());
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

    private static RunSummary summary(SqlCall.Row row) throws SQLException {
        String[] tags = row.texts("tags");
        return new RunSummary(row.uuid("id").toString(), row.text("flow_name"), row.integer("flow_version"),
                RunStatus.fromDbName(row.text("status")), row.integer("attempts"),
                Optional.ofNullable(row.text("idempotency_key")),
                tags == null ? Set.of() : Set.copyOf(Arrays.asList(tags)), row.integer("priority"),
                RunInfoMapper.errorCode(row.text("error_code")), row.instant("created_at"),
                row.instant("updated_at"), Optional.ofNullable(row.instant("finished_at")),
                Optional.ofNullable(row.text("started_by")));
    }
}
