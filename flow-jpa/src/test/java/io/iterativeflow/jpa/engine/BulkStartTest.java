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
import io.iterativeflow.jpa.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;

/** {@code handle.startAll}: many runs in one transaction, all or nothing, idempotency keys per run. */
class BulkStartTest extends EngineTestBase {

    private static final FlowDefinition<String, String> ECHO = FlowDefinition.builder("echo", String.class,
            String.class).body((ctx, in) -> ctx.step("upper", String.class, s -> in.toUpperCase())).build();

    BulkStartTest(TestDatabase db) {
        super(db);
    }

    @Test
    void every_run_is_started_and_the_ids_come_back_in_the_order_of_the_requests() {
        FlowHandle<String, String> echo = fixture.start(ECHO).flow(ECHO);

        List<String> ids = echo.startAll(List.of(StartRequest.of("a"), StartRequest.of("b"), StartRequest.of("c")));

        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(ids).extracting(id -> echo.result(id, WAIT)).containsExactly("A", "B", "C");
    }

    @Test
    void one_invalid_input_writes_nothing() {
        FlowHandle<String, String> echo = fixture.start(ECHO).flow(ECHO);

        assertThatThrownBy(() -> echo.startAll(Arrays.asList(StartRequest.of("a"), StartRequest.of(null))))
                .isInstanceOfSatisfying(FlowException.class, e -> {
                    assertThat(e.code()).isEqualTo(FlowErrorCode.INPUT_INVALID);
                    assertThat(e.getMessage()).contains("request 1 of startAll");
                });
        assertThat(runCount()).isZero();
    }

    @Test
    void a_failing_insert_in_the_middle_rolls_back_the_runs_written_before_it() {
        if (db.isH2()) {
            db.sql().update("CREATE TRIGGER workflow.refuse_boom BEFORE INSERT ON workflow.runs FOR EACH ROW CALL \""
                    + RefuseBoom.class.getName() + "\"");
        } else {
            db.sql().update("""
                    CREATE FUNCTION public.refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        RAISE EXCEPTION 'refused by the database';
                    END $$""");
            db.sql().update("CREATE TRIGGER refuse_boom BEFORE INSERT ON workflow.runs FOR EACH ROW"
                    + " WHEN (NEW.input = '\"boom\"'::jsonb) EXECUTE FUNCTION public.refuse_boom()");
        }
        try {
            FlowHandle<String, String> echo = fixture.start(ECHO).flow(ECHO);

            assertThatThrownBy(() -> echo.startAll(List.of(StartRequest.of("a"), StartRequest.of("b"),
                    StartRequest.of("boom"), StartRequest.of("d"))))
                    .isInstanceOfSatisfying(FlowException.class,
                            e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STORE_UNAVAILABLE));
            assertThat(runCount()).isZero();
            assertThat(db.sql().count("SELECT count(*) FROM workflow.events")).isZero();
        } finally {
            if (db.isH2()) {
                db.sql().update("DROP TRIGGER workflow.refuse_boom");
            } else {
                db.sql().update("DROP TRIGGER refuse_boom ON workflow.runs");
                db.sql().update("DROP FUNCTION public.refuse_boom()");
            }
        }
    }

    @Test
    void a_key_repeated_in_the_list_resolves_to_its_first_run_and_a_taken_key_to_the_existing_run() {
        FlowHandle<String, String> echo = fixture.start(ECHO).flow(ECHO);
        String existing = echo.start("old", StartOptions.none().withIdempotencyKey("k0"));

        List<String> ids = echo.startAll(List.of(
                StartRequest.of("first", StartOptions.none().withIdempotencyKey("k1")),
                StartRequest.of("again", StartOptions.none().withIdempotencyKey("k1")),
                StartRequest.of("taken", StartOptions.none().withIdempotencyKey("k0")),
                StartRequest.of("free")));

        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(ids.get(2)).isEqualTo(existing);
        assertThat(new HashSet<>(ids)).hasSize(3);
        assertThat(runCount()).isEqualTo(3);
        assertThat(echo.result(ids.get(1), WAIT)).isEqualTo("FIRST");
    }

    @Test
    void an_empty_list_starts_nothing_and_a_missing_list_or_request_is_refused() {
        Engine engine = fixture.start(ECHO);
        FlowHandle<String, String> echo = engine.flow(ECHO);

        assertThat(echo.startAll(List.of())).isEmpty();
        assertThatThrownBy(() -> echo.startAll(null)).isInstanceOfSatisfying(FlowException.class,
                e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID));
        assertThatThrownBy(() -> echo.startAll(Arrays.asList(StartRequest.of("a"), null)))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID));
        assertThat(runCount()).isZero();
    }

    private long runCount() {
        return db.sql().count("SELECT count(*) FROM workflow.runs");
    }

    /** The trigger on H2, which runs Java: refuses a run whose input is {@code "boom"}. */
    public static final class RefuseBoom implements Trigger {

        /** The position of {@code input} among the columns of {@code workflow.runs}. */
        private static final int INPUT = 4;

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            Object input = newRow[INPUT];
            String json = input instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : String.valueOf(input);
            if (json.equals("\"boom\"")) {
                throw new SQLException("refused by the database");
            }
        }
    }
}
