package io.iterativeflow.jpa.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * {@code FOR UPDATE SKIP LOCKED} with a limit, on H2. H2 does not pass over locked rows to fill the {@code LIMIT} as
 * PostgreSQL does: a limited statement can come back short, or empty, while another transaction holds the first rows,
 * although later ones are free; and it may lock rows it read but does not return.
 * Here the candidates are read in order a page at a time, without locks, and locked one by one; a row that another
 * transaction holds, or has changed so that it no longer qualifies, is passed over, until {@code limit} are held.
 */
final class H2SkipLocked {

    private final String candidates;
    private final String lockOne;

    /**
     * @param condition the rows to take, on {@code workflow.runs} (may use the parameters {@code bind} sets)
     * @param order     the order to take them in
     */
    H2SkipLocked(String condition, String order) {
        this.candidates = "SELECT id FROM workflow.runs WHERE " + condition + " ORDER BY " + order
                + " LIMIT :window OFFSET :skipped";
        this.lockOne = "SELECT id FROM workflow.runs WHERE id = :id AND " + condition + " FOR UPDATE SKIP LOCKED";
    }

    /** Locks up to {@code limit} rows, in order; {@code bind} sets the condition's parameters. */
    List<UUID> lock(EntityManager em, int limit, UnaryOperator<SqlCall> bind) {
        Set<UUID> locked = new LinkedHashSet<>();
        int window = Math.max(2 * limit, 16);
        for (int skipped = 0; locked.size() < limit; skipped += window) {
            List<UUID> page = bind.apply(SqlCall.of(em, candidates)).integer("window", window)
                    .integer("skipped", skipped).list(row -> row.uuid("id"));
            for (UUID id : page) {
                if (locked.size() < limit && !locked.contains(id)
                        && !bind.apply(SqlCall.of(em, lockOne)).uuid("id", id).list(row -> row.uuid("id"))
                                .isEmpty()) {
                    locked.add(id);
                }
            }
            if (page.size() < window) {
                break;
            }
        }
        return new ArrayList<>(locked);
    }
}
