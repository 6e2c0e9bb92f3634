package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.api.TransactionalStepScope;
import io.iterativeflow.core.config.PayloadLimits;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.api.Trigger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ctx.transactionalStep}: the step's business writes commit with its record, or not at all. */
class TransactionalStepTest extends EngineTestBase {

    TransactionalStepTest(TestDatabase db) {
        super(db);
    }

    @BeforeEach
    void createBusinessTable() {
        db.sql().update("CREATE TABLE IF NOT EXISTS public.bookings (run_id varchar NOT NULL, note varchar NOT NULL)");
        db.sql().update("TRUNCATE TABLE public.bookings");
    }

    @Test
    void the_business_write_and_the_step_record_commit_together() {
        FlowDefinition<String, Integer> flow = FlowDefinition.builder("book", String.class, Integer.class)
                .body((ctx, in) -> ctx.transactionalStep("book", Integer.class, s -> insert(s, in))).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("seat 1");

        assertThat(engine.flow(flow).result(runId, WAIT)).isEqualTo(1);
        assertThat(bookings(runId)).isEqualTo(1);
        assertThat(db.sql().value("SELECT status FROM workflow.steps WHERE run_id = ?::uuid AND cursor_key = 'book'",
                runId)).isEqualTo("completed");
    }

    @Test
    void a_try_that_throws_rolls_back_its_writes_and_the_retry_writes_once() {
        AtomicInteger tries = new AtomicInteger();
        StepOptions retryOnce = StepOptions.defaults().withRetries(1).withBackoff(Backoff.fixed(Duration.ZERO));
        FlowDefinition<String, Integer> flow = FlowDefinition.builder("flaky", String.class, Integer.class)
                .body((ctx, in) -> ctx.transactionalStep("book", Integer.class, retryOnce, s -> {
                    tries.incrementAndGet();
                    int written = insert(s, "try " + s.attempt());
                    if (s.attempt() == 1) {
                        throw new IllegalStateException("payment refused after the booking row was written");
                    }
                    return written;
                })).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");

        assertThat(engine.flow(flow).result(runId, WAIT)).isEqualTo(1);
        assertThat(tries).hasValue(2);
        assertThat(db.sql().rows("SELECT note FROM public.bookings WHERE run_id = ?", runId))
                .extracting(row -> row.get("note")).containsExactly("try 2");
    }

    @Test
    void a_failure_after_the_writes_and_before_the_commit_leaves_no_rows_and_the_step_runs_again() {
        if (db.isH2()) {
            db.sql().update("CREATE TRIGGER workflow.fail_first_record BEFORE INSERT ON workflow.steps FOR EACH ROW"
                    + " CALL \"" + FailFirstRecord.class.getName() + "\"");
        } else {
            db.sql().update("CREATE SEQUENCE public.record_calls");
            db.sql().update("""
                    CREATE FUNCTION public.fail_first_record() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF nextval('public.record_calls') = 1 THEN
                            RAISE EXCEPTION 'the process died before its commit';
                        END IF;
                        RETURN NEW;
                    END $$""");
            db.sql().update("CREATE TRIGGER fail_first_record BEFORE INSERT ON workflow.steps FOR EACH ROW"
                    + " WHEN (NEW.name = 'book') EXECUTE FUNCTION public.fail_first_record()");
        }
        try {
            AtomicInteger tries = new AtomicInteger();
            FlowDefinition<String, Integer> flow = FlowDefinition.builder("fragile", String.class, Integer.class)
                    .body((ctx, in) -> ctx.transactionalStep("book", Integer.class, s -> {
                        tries.incrementAndGet();
                        return insert(s, in);
                    })).build();
            Engine engine = fixture.start(flow);
            String runId = engine.flow(flow).start("seat 7");

            assertThat(engine.flow(flow).result(runId, WAIT)).isEqualTo(1);
            assertThat(tries).as("the step ran again after the lost commit").hasValue(2);
            assertThat(bookings(runId)).isEqualTo(1);
        } finally {
            if (db.isH2()) {
                db.sql().update("DROP TRIGGER workflow.fail_first_record");
            } else {
                db.sql().update("DROP TRIGGER fail_first_record ON workflow.steps");
                db.sql().update("DROP FUNCTION public.fail_first_record()");
                db.sql().update("DROP SEQUENCE public.record_calls");
            }
        }
    }

    @Test
    void an_engine_that_lost_its_lease_while_writing_commits_nothing() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        FlowDefinition<String, String> flow = FlowDefinition.builder("stalled", String.class, String.class)
                .body((ctx, in) -> ctx.transactionalStep("book", String.class, s -> {
                    String engine = Thread.currentThread().getName().substring(0, "engine-1".length());
                    insert(s, engine);
                    if (engine.equals("engine-1")) {
                        written.countDown();
                        awaitIgnoringInterrupts(resume);
                    }
                    return engine;
                })).build();
        ScheduledExecutorService firstScheduler = Executors.newScheduledThreadPool(1);
        Engine first = fixture.start(b -> b.scheduler(firstScheduler), flow);
        String runId = first.flow(flow).start("x");
        assertThat(written.await(15, TimeUnit.SECONDS)).isTrue();
        assertThat(bookings(runId)).as("nothing is visible before the commit").isZero();

        firstScheduler.shutdownNow();
        Engine second = fixture.start(flow);
        assertThat(second.flow(flow).result(runId, WAIT)).isEqualTo("engine-2");
        resume.countDown();
        await().atMost(WAIT).until(() -> first.inFlight() == 0);

        assertThat(db.sql().rows("SELECT note FROM public.bookings WHERE run_id = ?", runId))
                .extracting(row -> row.get("note")).containsExactly("engine-2");
    }

    @Test
    void a_committed_step_never_runs_again_when_another_engine_takes_the_run_over() throws Exception {
        AtomicInteger bookCalls = new AtomicInteger();
        CountDownLatch afterCommit = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        FlowDefinition<String, String> flow = FlowDefinition.builder("crashing", String.class, String.class)
                .body((ctx, in) -> {
                    int rows = ctx.transactionalStep("book", Integer.class, s -> {
                        bookCalls.incrementAndGet();
                        return insert(s, in);
                    });
                    return ctx.step("notify", String.class, s -> {
                        if (Thread.currentThread().getName().startsWith("engine-1")) {
                            afterCommit.countDown();
                            awaitIgnoringInterrupts(never);
                        }
                        return rows + " booked";
                    });
                }).build();
        Engine first = fixture.start(flow);
        String runId = first.flow(flow).start("seat 3");
        assertThat(afterCommit.await(15, TimeUnit.SECONDS)).isTrue();

        first.halt();
        Engine second = fixture.start(flow);

        assertThat(second.flow(flow).result(runId, WAIT)).isEqualTo("1 booked");
        assertThat(bookCalls).hasValue(1);
        assertThat(bookings(runId)).isEqualTo(1);
        never.countDown();
    }

    @Test
    void a_timeout_cuts_the_running_statement_and_rolls_the_writes_back() {
        StepOptions short_ = StepOptions.defaults().withTimeout(Duration.ofMillis(300));
        FlowDefinition<String, Integer> flow = FlowDefinition.builder("slow", String.class, Integer.class)
                .body((ctx, in) -> ctx.transactionalStep("book", Integer.class, short_, s -> {
                    insert(s, in);
                    // H2 has no sleep function: a sum over a huge range runs as long.
                    try (PreparedStatement sleep = s.connection().prepareStatement(db.isH2()
                            ? "SELECT SUM(X) FROM SYSTEM_RANGE(1, 100000000000)" : "SELECT pg_sleep(30)")) {
                        sleep.execute();
                    }
                    return 1;
                })).build();
        Engine engine = fixture.start(flow);
        FlowHandle<String, Integer> handle = engine.flow(flow);
        String runId = handle.start("x");

        assertThatThrownBy(() -> handle.result(runId, WAIT)).isInstanceOfSatisfying(RunFailedException.class,
                e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STEP_TIMEOUT));
        assertThat(bookings(runId)).isZero();
    }

    @Test
    void java_work_that_runs_past_the_timeout_is_rolled_back_before_the_commit() {
        StepOptions short_ = StepOptions.defaults().withTimeout(Duration.ofMillis(200));
        FlowDefinition<String, Integer> flow = FlowDefinition.builder("dawdling", String.class, Integer.class)
                .body((ctx, in) -> ctx.transactionalStep("book", Integer.class, short_, s -> {
                    int written = insert(s, in);
                    new CountDownLatch(1).await(600, TimeUnit.MILLISECONDS); // slow work between statements
                    return written;
                })).build();
        Engine engine = fixture.start(flow);
        FlowHandle<String, Integer> handle = engine.flow(flow);
        String runId = handle.start("x");

        assertThatThrownBy(() -> handle.result(runId, WAIT)).isInstanceOfSatisfying(RunFailedException.class,
                e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STEP_TIMEOUT));
        assertThat(bookings(runId)).isZero();
    }

    @Test
    void the_step_cannot_commit_or_roll_back_the_engines_transaction_and_close_does_nothing() {
        FlowDefinition<String, String> flow = FlowDefinition.builder("meddling", String.class, String.class)
                .body((ctx, in) -> ctx.transactionalStep("book", String.class, s -> {
                    insert(s, in);
                    String commit = failureOf(() -> s.connection().commit());
                    String rollback = failureOf(() -> s.connection().rollback());
                    String autoCommit = failureOf(() -> s.connection().setAutoCommit(true));
                    s.connection().close();
                    insert(s, in + " again");
                    return commit + " | " + rollback + " | " + autoCommit;
                })).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");

        assertThat(engine.flow(flow).result(runId, WAIT).split(" \\| "))
                .allSatisfy(message -> assertThat(message).contains("is not allowed"));
        assertThat(bookings(runId)).isEqualTo(2);
    }

    @Test
    void an_oversized_result_rolls_the_writes_back_and_fails_for_good_without_a_retry() {
        AtomicInteger tries = new AtomicInteger();
        StepOptions retries = StepOptions.defaults().withRetries(3).withBackoff(Backoff.fixed(Duration.ZERO));
        FlowDefinition<String, String> flow = FlowDefinition.builder("big", String.class, String.class)
                .body((ctx, in) -> ctx.transactionalStep("book", String.class, retries, s -> {
                    tries.incrementAndGet();
                    insert(s, in);
                    return "b".repeat(500);
                })).build();
        Engine engine = fixture.start(b -> b.settings(EngineFixture.FAST.withLimits(
                PayloadLimits.defaults().withMaxStepResultBytes(100))), flow);
        String runId = engine.flow(flow).start("x");

        assertThatThrownBy(() -> engine.flow(flow).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STEP_RESULT_TOO_LARGE));
        assertThat(tries).hasValue(1);
        assertThat(bookings(runId)).isZero();
    }

    @Test
    void a_savepoint_undoes_part_of_the_step_and_the_rest_commits() {
        FlowDefinition<String, Integer> flow = FlowDefinition.builder("partial", String.class, Integer.class)
                .body((ctx, in) -> ctx.transactionalStep("book", Integer.class, s -> {
                    insert(s, "kept");
                    Savepoint before = s.connection().setSavepoint();
                    insert(s, "undone");
                    s.connection().rollback(before);
                    return 1;
                })).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");

        assertThat(engine.flow(flow).result(runId, WAIT)).isEqualTo(1);
        assertThat(db.sql().rows("SELECT note FROM public.bookings WHERE run_id = ?", runId))
                .extracting(row -> row.get("note")).containsExactly("kept");
    }

    @Test
    void a_durable_operation_inside_a_transactional_step_fails_it_for_good_and_rolls_it_back() {
        FlowDefinition<String, String> flow = FlowDefinition.builder("nested", String.class, String.class)
                .body((ctx, in) -> ctx.transactionalStep("book", String.class, s -> {
                    insert(s, in);
                    return ctx.step("inner", String.class, inner -> "never");
                })).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");

        assertThatThrownBy(() -> engine.flow(flow).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STEP_INVALID_AWAIT));
        assertThat(bookings(runId)).isZero();
    }

    @Test
    void the_connection_is_dead_once_the_step_returned() {
        AtomicReference<Connection> kept = new AtomicReference<>();
        FlowDefinition<String, String> flow = FlowDefinition.builder("leaky", String.class, String.class)
                .body((ctx, in) -> {
                    ctx.transactionalStep("book", Integer.class, s -> {
                        kept.set(s.connection());
                        return insert(s, in);
                    });
                    return ctx.step("reuse", String.class, s -> failureOf(() -> kept.get().createStatement()));
                }).build();
        Engine engine = fixture.start(flow);
        String runId = engine.flow(flow).start("x");

        assertThat(engine.flow(flow).result(runId, WAIT)).contains("only valid while the step runs");
        assertThat(bookings(runId)).isEqualTo(1);
    }

    /** The trigger on H2, which runs Java: the first record of step {@code book} fails. */
    public static final class FailFirstRecord implements Trigger {

        /** The position of {@code name} among the columns of {@code workflow.steps}. */
        private static final int NAME = 2;

        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if ("book".equals(newRow[NAME]) && calls.incrementAndGet() == 1) {
                throw new SQLException("the process died before its commit");
            }
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static String failureOf(SqlAction action) {
        try {
            action.run();
            return "no failure";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static int insert(TransactionalStepScope scope, String note) throws SQLException {
        try (PreparedStatement insert = scope.connection()
                .prepareStatement("INSERT INTO public.bookings (run_id, note) VALUES (?, ?)")) {
            insert.setString(1, scope.runId());
            insert.setString(2, note);
            return insert.executeUpdate();
        }
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException ignoredLikeAStalledProcess) {
                Thread.interrupted();
            }
        }
    }

    private long bookings(String runId) {
        return db.sql().count("SELECT count(*) FROM public.bookings WHERE run_id = ?", runId);
    }
}
