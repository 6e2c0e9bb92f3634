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
 * The claim's writes, in the caller's transaction: take up to {@code limit} ready runs whose turn it is under their
 * concurrency key (passing over locked ones), set them running under {@code owner}, write their {@code claimed}
 * events, fire their due timers; return them in the claim's order. {@link PgClaim} is one statement, {@link H2Claim}
 * several. Flows with limits are claimed one flow at a time ({@link #claimFlow}) under the lock of their
 * {@code flow_control} row ({@link #lockControl}); see {@link Claims}.
 */
interface ClaimStatement {

    /**
     * @param flows   when present, only runs of these {@code name@version} ids (never empty)
     * @param limited flow names whose runs are passed over (claimed with {@link #claimFlow}); only with {@code flows}
     */
    List<Claimed> claim(EntityManager em, FlowClock clock, String owner, int limit, Duration lease,
            Optional<Set<String>> flows, Set<String> limited);

    /** Like {@link #claim}, only runs of the flow named {@code flowName} among {@code flows}. */
    List<Claimed> claimFlow(EntityManager em, FlowClock clock, String owner, int limit, Duration lease,
            Set<String> flows, String flowName);

    /** Creates the {@code flow_control} row of {@code flowName} unless it exists. */
    void ensureControl(EntityManager em, String flowName);

    /** Locks and reads the {@code flow_control} row of {@code flowName} until the transaction ends; empty if none. */
    Optional<Control> lockControl(EntityManager em, FlowClock clock, String flowName);

    /** A claimed run as the statement returns it. */
    record Claimed(UUID id, String flowName, int flowVersion, String input, int attempts, int suspensions, int depth,
            Instant claimedAt, String traceParent, boolean keyed) {

        static Claimed read(SqlCall.Row row) throws SQLException {
            return new Claimed(row.uuid("id"), row.text("flow_name"), row.integer("flow_version"), row.text("input"),
                    row.integer("attempts"), row.integer("suspensions"), row.integer("depth"),
                    row.instant("claimed_at"), row.text("trace_parent"), row.text("concurrency_key") != null);
        }
    }

    /**
     * A flow's {@code flow_control} row: its rate limit's window ({@code windowStart} null before the first) and the
     * claims in it, with the engine's time now.
     */
    record Control(Instant windowStart, int windowClaims, Instant now) {

        static Control read(SqlCall.Row row) throws SQLException {
            return new Control(row.instant("window_start"), row.integer("window_claims"), row.instant("now"));
        }
    }
}
