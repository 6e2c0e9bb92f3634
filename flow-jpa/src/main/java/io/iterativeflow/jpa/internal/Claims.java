package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code claim}: the database's claim statement ({@link ClaimStatement}) takes the ready runs, and a second statement
 * in the same transaction loads the history of the runs that can have one (those claimed before). One commit.
 */
public final class Claims {

    private final Transactions tx;
    private final FlowClock clock;
    private final Leases leases;
    private final ClaimStatement statement;
    private final History.Loader history;

    public Claims(Transactions tx, FlowClock clock, Leases leases, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
        this.statement = database.claim;
        this.history = database.history;
    }

    /** @param flows when present, only runs of these flow ids; never empty */
    public List<ClaimedRun> claim(String owner, int limit, Duration lease, Optional<Set<String>> flows) {
        leases.remember(owner, lease);
        return tx.inTransaction(em -> {
            List<ClaimStatement.Claimed> runs = statement.claim(em, clock, owner, limit, lease, flows);
            List<UUID> withHistory = new ArrayList<>();
            for (ClaimStatement.Claimed run : runs) {
                if (run.attempts() > 1) {
                    withHistory.add(run.id());
                }
            }
            History loaded = withHistory.isEmpty() ? History.NONE : history.load(em, withHistory);
            List<ClaimedRun> claimed = new ArrayList<>(runs.size());
            for (ClaimStatement.Claimed run : runs) {
                claimed.add(new ClaimedRun(run.id(), run.flowName(), run.flowVersion(), run.input(), run.attempts(),
                        run.suspensions(), run.depth(), owner, run.claimedAt(), loaded.steps(run.id()),
                        loaded.timers(run.id()), run.traceParent()));
            }
            return claimed;
        });
    }
}
