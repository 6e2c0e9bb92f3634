package io.iterativeflow.jpa;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.StepCompletion;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Run in a process of its own by {@link H2DurableCommitsTest}: through a store on the H2 database at the URL it is
 * given, creates and claims runs one after the other, records a step of each, and prints the run's id once the store
 * has recorded (committed) the step.
 */
public final class H2CommitWriter {

    private H2CommitWriter() {
    }

    public static void main(String[] args) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        Connection pooled = dataSource.getConnection(); // held open, as a pool would: H2 keeps the database open
        JpaFlowStore store = JpaFlowStore.builder(dataSource).migrate(true).build();
        while (true) {
            store.createRun(Runs.run("durable"));
            ClaimedRun run = store.claim("writer", 1, Duration.ofMinutes(5)).get(0);
            store.recordStep(run.fence(), new StepCompletion("work", "work", "step", 1, "1", 0));
            System.out.println(run.runId());
            System.out.flush();
            pooled.isValid(1);
        }
    }
}
