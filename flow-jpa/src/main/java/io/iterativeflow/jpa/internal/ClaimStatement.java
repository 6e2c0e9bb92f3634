package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The claim's writes, in the caller's transaction: take up to {@code limit} ready runs (passing over locked ones), set
 * them running under {@code owner}, write their {@code claimed} events, fire their due timers; return them in the
 * claim's order. {@link PgClaim} is one statement, {@link H2Claim} several.
 */
interface ClaimStatement {

    /** @param flows when present, only runs of these {@code name@version} ids (never empty) */
    List<Claimed> claim(EntityManager em, FlowClock clock, String owner, int limit, Duration lease,
            Optional<Set<String>> flows);

    /** A claimed run as the statement returns it. */
    record Claimed(UUID id, String flowName, int flowVersion, String input, int attempts, int suspensions, int depth,
            Instant claimedAt, String traceParent) {

        static Claimed read(SqlCall.Row row) throws SQLException {
            return new Claimed(row.uuid("id"), row.text("flow_name"), row.integer("flow_version"), row.text("input"),
                    row.integer("attempts"), row.integer("suspensions"), row.integer("depth"),
                    row.instant("claimed_at"), row.text("trace_parent"));
        }
    }
}
