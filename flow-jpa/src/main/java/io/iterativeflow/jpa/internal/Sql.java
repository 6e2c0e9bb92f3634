package io.iterativeflow.jpa.internal;

import java.util.Collection;

/** SQL fragments every statement shares. */
final class Sql {

    /**
     * The engine's time: the database clock plus the clock offset ({@code :offsetMs}). Never the JVM clock. Within a
     * transaction {@code now()} is fixed, so every use in one statement sees the same instant.
     */
    static final String NOW = "(now() + :offsetMs * INTERVAL '1 millisecond')";

    /** The fence of an attempt on {@code workflow.runs}: binds {@code :runId, :owner, :attempt}. */
    static final String FENCED = "id = :runId AND lease_owner = :owner AND attempts = :attempt AND status = 'running'";

    /**
     * A fenced write's lease renewal ({@code :leaseMs}): extended only once half of it has passed, so most writes
     * leave the indexed {@code lease_expires_at} as it is and PostgreSQL can update the row in place (HOT).
     */
    static final String RENEWED_LEASE = "CASE WHEN lease_expires_at < " + NOW
            + " + :leaseMs * INTERVAL '0.5 millisecond' THEN " + NOW + " + :leaseMs * INTERVAL '1 millisecond'"
            + " ELSE lease_expires_at END";

    /** Statuses a run waits in; the claim and the index {@code runs_ready} use exactly this list. */
    static final String WAITING = "('pending', 'retrying', 'sleeping', 'awaiting_signal', 'awaiting_child')";

    /** Terminal statuses: no statement moves a run out of them. */
    static final String TERMINAL = "('completed', 'failed', 'canceled')";

    private Sql() {
    }

    /** A PostgreSQL array literal of {@code values}, every element quoted; use it as {@code CAST(:p AS text[])}. */
    static String textArray(Collection<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    /**
     * A run's turn under its concurrency key, on the runs table named {@code outer}: a run without a key, or one whose
     * earlier runs of the same flow and key ({@code key_order}) have all ended and of which none runs. The check needs
     * no lock: a run ends only by a committed write, so two claims never both see a run's turn while an earlier run
     * of its key is still going.
     */
    static String keyTurn(String outer) {
        return ("(%1$s.concurrency_key IS NULL OR NOT EXISTS (SELECT 1 FROM workflow.runs k"
                + " WHERE k.flow_name = %1$s.flow_name AND k.concurrency_key = %1$s.concurrency_key"
                + " AND k.id <> %1$s.id AND (k.status = 'running'"
                + " OR (k.key_order < %1$s.key_order AND k.status NOT IN %2$s))))").formatted(outer, TERMINAL);
    }

    /** {@code NOW + :name} for a duration bound with {@link SqlCall#millis}. */
    static String nowPlus(String millisParameter) {
        return "(" + NOW + " + :" + millisParameter + " * INTERVAL '1 millisecond')";
    }
}
