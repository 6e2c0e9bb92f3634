package io.iterativeflow.it.servers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.Resource;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/**
 * Runs inside Liberty: {@value #STEPS} steps that each take {@code workMillis}. Every execution of a step, before
 * its work, writes a row to {@code public.it_step_executions} (its own transaction), so a test can see which steps
 * ran and when, and compare with when the engine recorded them.
 */
@Flow(name = SlowStepsFlow.NAME, version = 1)
public class SlowStepsFlow implements FlowBody<SlowStepsFlow.Job, Integer> {

    static final String NAME = "it-slow-steps";
    static final int STEPS = 5;

    /** The input: how long each step works. */
    public record Job(String batch, int workMillis) {
    }

    @Resource(lookup = "jdbc/flow")
    DataSource dataSource;

    @Override
    public Integer run(FlowContext ctx, Job job) {
        int total = 0;
        for (int i = 1; i <= STEPS; i++) {
            int n = i;
            total += ctx.step("work-" + n, Integer.class, s -> {
                logExecution(s.runId(), "work-" + n);
                TimeUnit.MILLISECONDS.sleep(job.workMillis()); // the step's "work"
                return n;
            });
        }
        return total;
    }

    private void logExecution(String runId, String step) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into public.it_step_executions (run_id, step, at) values (?, ?, clock_timestamp())")) {
            insert.setObject(1, UUID.fromString(runId));
            insert.setString(2, step);
            insert.executeUpdate();
        }
    }
}
