package io.iterativeflow.it.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.Resource;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.api.StepScope;

/**
 * Runs inside Liberty: {@code steps} steps that each write their effect to {@code public.it_fault_ledger}, then work
 * for {@code workMillis}. The effect is a plain insert through the non-transactional {@code jdbc/flow} data source,
 * committed at once on a connection of its own, so it survives whatever happens to the step afterwards. It names the
 * run attempt (read from the run's row), the step's try and the server JVM that ran it.
 */
@Flow(name = LedgerFlow.NAME, version = 1)
public class LedgerFlow implements FlowBody<LedgerFlow.Job, Integer> {

    static final String NAME = "it-ledger";

    /** The server JVM, for telling apart the tries of one run before and after a kill. */
    static final long INCARNATION = ProcessHandle.current().pid();

    /** A step whose effect cannot be written (the database is down) fails and is tried again soon. */
    private static final StepOptions RETRIED = StepOptions.defaults().withRetries(1000)
            .withBackoff(Backoff.fixed(Duration.ofMillis(500)));

    private static final String INSERT = "insert into public.it_fault_ledger (run_id, step, try, attempt,"
            + " incarnation, at) select id, ?, ?, attempts, ?, clock_timestamp() from workflow.runs where id = ?";

    /** The input: how many steps, and how long each works after writing its effect. */
    public record Job(int steps, int workMillis) {
    }

    @Resource(lookup = "jdbc/flow")
    DataSource dataSource;

    @Override
    public Integer run(FlowContext ctx, Job job) {
        int total = 0;
        for (int i = 1; i <= job.steps(); i++) {
            int n = i;
            total += ctx.step("effect-" + n, Integer.class, RETRIED, s -> {
                writeEffect(s);
                TimeUnit.MILLISECONDS.sleep(job.workMillis()); // the step's "work"
                return n;
            });
        }
        return total;
    }

    private void writeEffect(StepScope step) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, step.cursorKey());
            insert.setInt(2, step.attempt());
            insert.setLong(3, INCARNATION);
            insert.setObject(4, UUID.fromString(step.runId()));
            insert.executeUpdate();
        }
    }
}
