package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.SignalWaitOutcome;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code awaitSignal}: one fenced transaction locks the run's row, then, on a fresh snapshot, consumes the oldest
 * stored signal for the name, or records the wait's timeout when its timer is due, or suspends the run until a
 * signal or the timeout arrives. The writes are the database's ({@link SignalWaitStatements}).
 */
public final class SignalWaits {

    private static final String LOCK = "SELECT id FROM workflow.runs WHERE " + Sql.FENCED + " FOR UPDATE";

    private static final String OLDEST = """
            SELECT id, %s AS payload FROM workflow.signals
            WHERE run_id = :runId AND name = :name AND %s
            ORDER BY id LIMIT 1
            """;

    private static final String TIMER = """
            SELECT due_at, due_at <= %s AS due FROM workflow.timers WHERE run_id = :runId AND cursor_key = :cursorKey
            """;

    private final Transactions tx;
    private final FlowClock clock;
    private final Leases leases;
    private final SignalWaitStatements statements;
    private final String oldest;
    private final String timer;

    public SignalWaits(Transactions tx, FlowClock clock, Leases leases, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
        this.statements = database.signalWait;
        this.oldest = OLDEST.formatted(database.fragments.jsonText("payload"), SignalSql.UNCONSUMED);
        this.timer = TIMER.formatted(database.fragments.now());
    }

    public SignalWaitOutcome await(Fence fence, String cursorKey, String name, int position,
            Optional<Duration> timeout) {
        return tx.inTransaction(em -> {
            if (SqlCall.of(em, LOCK).fence(fence).list(row -> row.uuid("id")).isEmpty()) {
                return SignalWaitOutcome.of(SignalWaitOutcome.Kind.LEASE_LOST);
            }
            SignalWaitStatements.Wait wait = new SignalWaitStatements.Wait(cursorKey, name, position,
                    leases.of(fence.owner()));
            Optional<Stored> signal = SqlCall.of(em, oldest).uuid("runId", fence.runId()).text("name", name)
                    .list(row -> new Stored(row.count("id"), row.text("payload"))).stream().findFirst();
            if (signal.isPresent()) {
                recorded(statements.consume(em, clock, fence, wait, signal.get().id(), signal.get().payload()),
                        fence, cursorKey);
                return SignalWaitOutcome.received(signal.get().payload());
            }
            Optional<Timer> recorded = SqlCall.of(em, timer).uuid("runId", fence.runId())
                    .text("cursorKey", cursorKey).clock(clock)
                    .list(row -> new Timer(row.instant("due_at"), Boolean.TRUE.equals(row.nullableBool("due"))))
                    .stream().findFirst();
            if (recorded.isPresent() && recorded.get().due()) {
                recorded(statements.timeOut(em, clock, fence, wait), fence, cursorKey);
                return SignalWaitOutcome.of(SignalWaitOutcome.Kind.TIMED_OUT);
            }
            return suspend(em, fence, wait, timeout, recorded.map(Timer::dueAt).orElse(null));
        });
    }

    private SignalWaitOutcome suspend(EntityManager em, Fence fence, SignalWaitStatements.Wait wait,
            Optional<Duration> timeout, Instant recordedDue) {
        boolean timed = timeout.isPresent() || recordedDue != null;
        Instant due = statements.suspend(em, clock, fence, wait, timed, timeout.orElse(Duration.ZERO), recordedDue);
        return new SignalWaitOutcome(SignalWaitOutcome.Kind.WAITING, null,
                timed ? Optional.of(due) : Optional.empty());
    }

    private static void recorded(long steps, Fence fence, String cursorKey) {
        if (steps != 1) {
            throw new IllegalStateException("signal wait '" + cursorKey + "' of run " + fence.runId()
                    + " was not recorded; rolled back");
        }
    }

    /** The oldest unconsumed signal for the name. */
    private record Stored(long id, String payload) {
    }

    /** The wait's timeout timer, recorded by an earlier attempt, and whether it is due. */
    private record Timer(Instant dueAt, boolean due) {
    }
}
