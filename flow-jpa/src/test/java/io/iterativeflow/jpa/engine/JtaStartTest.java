package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.api.StartRequest;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.CallerTransaction;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starts that join the caller's JTA transaction. The engine polls only once an hour here, so a run can start promptly
 * only through the wake-up that follows the caller's commit.
 */
class JtaStartTest extends EngineTestBase {

    private static final FlowDefinition<String, String> ECHO = FlowDefinition.builder("echo", String.class,
            String.class).body((ctx, in) -> ctx.step("upper", String.class, s -> in.toUpperCase())).build();

    private JpaFlowStore store;
    private Engine running;
    private CallerTransaction caller;

    JtaStartTest(TestDatabase db) {
        super(db);
    }

    @AfterEach
    void stopEngine() throws Exception {
        if (caller != null) {
            caller.close();
        }
        if (running != null) {
            running.halt();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void a_run_started_in_a_transaction_that_rolls_back_does_not_exist() throws Exception {
        FlowHandle<String, String> echo = engine(true).flow(ECHO);

        caller.begin();
        String runId = echo.start("gone");
        assertThat(runs()).as("not visible before the commit").isZero();
        caller.rollback();

        assertThat(runs()).isZero();
        assertThatThrownBy(() -> echo.status(runId)).isInstanceOfSatisfying(FlowException.class,
                e -> assertThat(e.code()).isEqualTo(FlowErrorCode.RUN_NOT_FOUND));
    }

    @Test
    void a_run_started_in_a_transaction_starts_at_once_after_the_commit_together_with_the_callers_rows()
            throws Exception {
        db.sql().update("CREATE TABLE IF NOT EXISTS public.orders (name text PRIMARY KEY)");
        FlowHandle<String, String> echo = engine(true).flow(ECHO);

        caller.begin();
        try (Connection connection = caller.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO public.orders VALUES (?)")) {
            insert.setString(1, "o-1");
            insert.executeUpdate();
        }
        String runId = echo.start("kept");
        caller.commit();

        assertThat(echo.result(runId, WAIT)).isEqualTo("KEPT");
        assertThat(db.sql().count("SELECT count(*) FROM public.orders WHERE name = 'o-1'")).isEqualTo(1);
    }

    @Test
    void a_bulk_start_joins_the_transaction_all_or_nothing() throws Exception {
        FlowHandle<String, String> echo = engine(true).flow(ECHO);

        caller.begin();
        echo.startAll(List.of(StartRequest.of("a"), StartRequest.of("b")));
        caller.rollback();
        assertThat(runs()).isZero();

        caller.begin();
        List<String> ids = echo.startAll(List.of(StartRequest.of("c"), StartRequest.of("d")));
        caller.commit();
        assertThat(ids).extracting(id -> echo.result(id, WAIT)).containsExactly("C", "D");
    }

    @Test
    void a_key_taken_earlier_in_the_same_transaction_or_before_it_resolves_to_that_run() throws Exception {
        FlowHandle<String, String> echo = engine(true).flow(ECHO);
        String before = echo.start("before", StartOptions.none().withIdempotencyKey("k0"));

        caller.begin();
        String first = echo.start("first", StartOptions.none().withIdempotencyKey("k1"));
        String again = echo.start("again", StartOptions.none().withIdempotencyKey("k1"));
        String taken = echo.start("taken", StartOptions.none().withIdempotencyKey("k0"));
        caller.commit();

        assertThat(again).isEqualTo(first);
        assertThat(taken).isEqualTo(before);
        assertThat(runs()).isEqualTo(2);
        assertThat(echo.result(first, WAIT)).isEqualTo("FIRST");
    }

    @Test
    void the_engines_own_reads_inside_a_transaction_do_not_join_it() throws Exception {
        Engine engine = engine(true);
        FlowHandle<String, String> echo = engine.flow(ECHO);
        String runId = echo.start("outside");
        assertThat(echo.result(runId, WAIT)).isEqualTo("OUTSIDE");

        caller.begin();
        assertThat(engine.status(runId).status().dbName()).isEqualTo("completed");
        caller.commit();
    }

    @Test
    void a_start_in_a_transaction_marked_for_rollback_or_without_a_jta_data_source_is_refused() throws Exception {
        FlowHandle<String, String> echo = engine(false).flow(ECHO);

        caller.begin();
        assertThatThrownBy(() -> echo.start("no jta data source")).isInstanceOfSatisfying(FlowException.class,
                e -> assertThat(e.code()).isEqualTo(FlowErrorCode.TRANSACTION_INVALID));
        caller.setRollbackOnly();
        assertThatThrownBy(() -> echo.start("doomed")).isInstanceOfSatisfying(FlowException.class,
                e -> assertThat(e.code()).isEqualTo(FlowErrorCode.TRANSACTION_INVALID));
        caller.rollback();
        assertThat(runs()).isZero();
    }

    private Engine engine(boolean withJtaDataSource) {
        caller = new CallerTransaction(db.dataSource());
        store = JpaFlowStore.builder(db.dataSource()).clock(fixture.clock())
                .jta(caller, withJtaDataSource ? caller.dataSource() : null).build();
        Engine engine = Engine.builder().store(store).clock(fixture.clock())
                .settings(EngineFixture.FAST.withPollInterval(Duration.ofHours(1)))
                .instanceId("jta-engine").flow(ECHO).build();
        engine.start();
        running = engine;
        return engine;
    }

    private long runs() {
        return db.sql().count("SELECT count(*) FROM workflow.runs");
    }
}
