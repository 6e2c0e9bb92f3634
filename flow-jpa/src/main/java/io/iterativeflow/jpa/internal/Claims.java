package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.FlowLimit;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code claim}: the database's claim statement ({@link ClaimStatement}) takes the ready runs, and a second statement
 * in the same transaction loads the history of the runs that can have one (those claimed before). One commit.
 *
 * <p>Flows with limits are claimed first, one flow at a time, in name order: the claim locks the flow's
 * {@code flow_control} row (so claims of that flow on all instances take turns and each sees the runs the one before
 * it set running), counts the flow's running runs, reads its rate window, and takes at most what the limits leave.
 * Then one claim statement takes the runs of the other flows. Without limited flows that statement is the whole claim.
 */
public final class Claims {

    private static final String RUNNING = "SELECT count(*) AS running FROM workflow.runs"
            + " WHERE flow_name = :flowName AND status = 'running'";
    private static final String WINDOW = "UPDATE workflow.flow_control SET window_start = :windowStart,"
            + " window_claims = :windowClaims WHERE flow_name = :flowName";

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
        return claim(owner, limit, lease, flows, Map.of());
    }

    /**
     * @param flows  when present, only runs of these flow ids; never empty
     * @param limits the limits by flow name (only with {@code flows}); flows not in it have none
     */
    public List<ClaimedRun> claim(String owner, int limit, Duration lease, Optional<Set<String>> flows,
            Map<String, FlowLimit> limits) {
        leases.remember(owner, lease);
        Map<String, FlowLimit> limited = flows.isPresent() ? deployedLimits(flows.get(), limits) : Map.of();
        return tx.inTransaction(em -> {
            List<ClaimStatement.Claimed> runs = new ArrayList<>();
            for (Map.Entry<String, FlowLimit> flow : limited.entrySet()) {
                if (runs.size() < limit) {
                    runs.addAll(claimLimited(em, owner, limit - runs.size(), lease, flows.get(), flow.getKey(),
                            flow.getValue()));
                }
            }
            if (runs.size() < limit) {
                runs.addAll(statement.claim(em, clock, owner, limit - runs.size(), lease, flows, limited.keySet()));
            }
            return withHistory(em, owner, runs);
        });
    }

    /** The limits of the deployed flows in name order: the order their rows are locked in, so claims never deadlock. */
    private static Map<String, FlowLimit> deployedLimits(Set<String> flows, Map<String, FlowLimit> limits) {
        Map<String, FlowLimit> deployed = new TreeMap<>();
        if (limits.isEmpty()) {
            return deployed;
        }
        for (String id : flows) {
            String name = id.substring(0, id.lastIndexOf('@'));
            FlowLimit limit = limits.get(name);
            if (limit != null && limit.limited()) {
                deployed.put(name, limit);
            }
        }
        return deployed;
    }

    private List<ClaimStatement.Claimed> claimLimited(EntityManager em, String owner, int limit, Duration lease,
            Set<String> flows, String flowName, FlowLimit flowLimit) {
        ClaimStatement.Control control = statement.lockControl(em, clock, flowName).orElseGet(() -> {
            // the flow's first limited claim: its row is created here (a concurrent creation waits or is tried again)
            statement.ensureControl(em, flowName);
            return statement.lockControl(em, clock, flowName).orElseThrow();
        });
        int allowed = limit;
        if (flowLimit.maxConcurrency() > 0) {
            long running = SqlCall.of(em, RUNNING).text("flowName", flowName).list(row -> row.count("running"))
                    .get(0);
            allowed = (int) Math.min(allowed, Math.max(0, flowLimit.maxConcurrency() - running));
        }
        Instant windowStart = control.windowStart();
        int windowClaims = control.windowClaims();
        if (flowLimit.rateLimit() > 0) {
            if (windowStart == null || !control.now().isBefore(windowStart.plus(flowLimit.ratePeriod()))) {
                windowStart = control.now();
                windowClaims = 0;
            }
            allowed = Math.min(allowed, Math.max(0, flowLimit.rateLimit() - windowClaims));
        }
        if (allowed <= 0) {
            return List.of();
        }
        List<ClaimStatement.Claimed> claimed = statement.claimFlow(em, clock, owner, allowed, lease, flows, flowName);
        if (flowLimit.rateLimit() > 0 && !claimed.isEmpty()) {
            SqlCall.of(em, WINDOW).instant("windowStart", windowStart).integer("windowClaims",
                    windowClaims + claimed.size()).text("flowName", flowName).update();
        }
        return claimed;
    }

    private List<ClaimedRun> withHistory(EntityManager em, String owner, List<ClaimStatement.Claimed> runs) {
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
                    loaded.timers(run.id()), run.traceParent(), run.keyed()));
        }
        return claimed;
    }
}
