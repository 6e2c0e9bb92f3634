package io.iterativeflow.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * db-scheduler with one-time tasks that do nothing, drained by as many threads as the engine has workers, polling with
 * its high-throughput strategy (lock-and-fetch, batches of up to four times the threads).
 */
final class DbSchedulerContender implements Contender, QueueDrain {

    private static final String DATABASE = "flow_bench_dbscheduler";
    private static final int BATCH = 1000;

    private final BenchSettings settings;
    private final OneTimeTask<Void> task = Tasks.oneTime("one-step").execute((instance, context) -> { });

    DbSchedulerContender(BenchSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "db-scheduler";
    }

    @Override
    public String database() {
        return DATABASE;
    }

    @Override
    public void prepare(BenchServer server) {
        server.recreate(DATABASE);
        try (Connection c = server.connect(DATABASE); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE scheduled_tasks (task_name text NOT NULL, task_instance text NOT NULL,"
                    + " task_data bytea, execution_time timestamptz NOT NULL, picked boolean NOT NULL,"
                    + " picked_by text, last_success timestamptz, last_failure timestamptz,"
                    + " consecutive_failures int, last_heartbeat timestamptz, version bigint NOT NULL,"
                    + " priority smallint, PRIMARY KEY (task_name, task_instance))");
            s.execute("CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time)");
            s.execute("CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat)");
            s.execute("CREATE INDEX scheduled_tasks_priority ON scheduled_tasks (priority DESC, execution_time)");
        } catch (SQLException e) {
            throw new IllegalStateException("creating db-scheduler's table failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<FlowSession> launch(BenchServer server, int steps) {
        return Optional.empty();
    }

    @Override
    public Optional<QueueDrain> queue() {
        return Optional.of(this);
    }

    @Override
    public void fill(BenchServer server, int count) {
        try (HikariDataSource pool = server.pool(DATABASE, 1)) {
            SchedulerClient client = SchedulerClient.Builder.create(pool, task).build();
            Instant now = Instant.now();
            for (int from = 0; from < count; from += BATCH) {
                List<TaskInstance<?>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + BATCH); i++) {
                    batch.add(task.instance("job-" + i));
                }
                client.scheduleBatch(batch, now);
            }
        }
    }

    @Override
    public Workers workers(BenchServer server) {
        HikariDataSource pool = server.pool(DATABASE, settings.enginePoolSize());
        Scheduler scheduler = Scheduler.create(pool, task).threads(settings.concurrency())
                .pollUsingLockAndFetch(1.0, 4.0).pollingInterval(settings.pollInterval())
                .shutdownMaxWait(Duration.ofMinutes(1)).build();
        return new Workers() {
            @Override
            public void start() {
                scheduler.start();
            }

            @Override
            public void close() {
                scheduler.stop();
                pool.close();
            }
        };
    }

    @Override
    public String unfinishedQuery() {
        return "SELECT count(*) FROM scheduled_tasks";
    }
}
