package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunPage;
import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.RunSummary;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code listRuns}: keyset pages newest first, filters, and refusals of bad queries. */
class ListRunsTest extends EngineTestBase {

    private static final FlowDefinition<String, String> ECHO = FlowDefinition.builder("echo", String.class,
            String.class).body((ctx, in) -> in).build();
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private Engine engine;

    ListRunsTest(TestDatabase db) {
        super(db);
    }

    @BeforeEach
    void engineThatDoesNotRun() {
        engine = fixture.build(b -> b, ECHO);
    }

    @Test
    void pages_visit_every_run_once_newest_first_even_when_creation_times_tie() {
        // 23 runs, five per creation instant: page boundaries fall inside groups of equal created_at
        insert("INSERT INTO workflow.runs (id, flow_name, flow_version, status, available_at, created_at, updated_at)"
                + " SELECT " + randomUuid() + ", 'echo', 1, 'pending', CURRENT_TIMESTAMP,"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE) + (i / 5) * INTERVAL '1' SECOND, CURRENT_TIMESTAMP"
                + " FROM generate_series(0, 22) AS g(i)", BASE);
        List<String> expected = ids("SELECT CAST(id AS VARCHAR) FROM workflow.runs ORDER BY created_at DESC, id DESC");

        List<String> seen = new ArrayList<>();
        RunQuery query = RunQuery.all().withLimit(4);
        int pages = 0;
        Optional<String> cursor = Optional.empty();
        do {
            RunPage page = engine.listRuns(query.withCursor(cursor.orElse(null)));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(4);
            page.items().forEach(run -> seen.add(run.runId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(6);
    }

    @Test
    void a_full_last_page_has_no_next_cursor() {
        insert("INSERT INTO workflow.runs (id, flow_name, flow_version, status, available_at, created_at, updated_at)"
                + " SELECT " + randomUuid() + ", 'echo', 1, 'pending', CURRENT_TIMESTAMP,"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE) + i * INTERVAL '1' SECOND, CURRENT_TIMESTAMP"
                + " FROM generate_series(1, 4) AS g(i)", BASE);
        RunPage first = engine.listRuns(RunQuery.all().withLimit(2));
        RunPage second = engine.listRuns(RunQuery.all().withLimit(2).withCursor(first.nextCursor().orElseThrow()));

        assertThat(second.items()).hasSize(2);
        assertThat(second.nextCursor()).isEmpty();
        assertThat(engine.listRuns(RunQuery.all()).items()).hasSize(4);
    }

    @Test
    void filters_combine_flow_name_statuses_tag_and_creation_window() {
        insert("INSERT INTO workflow.runs (id, flow_name, flow_version, status, tags, available_at, created_at,"
                + " updated_at) SELECT " + randomUuid() + ", CASE WHEN i % 2 = 0 THEN 'echo' ELSE 'other' END, 1,"
                + " (ARRAY['pending','running','completed','failed','canceled'])[1 + i % 5],"
                + " ARRAY['t' || (i % 3)], CURRENT_TIMESTAMP,"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE) + i * INTERVAL '1' MINUTE, CURRENT_TIMESTAMP"
                + " FROM generate_series(0, 59) AS g(i)", BASE);
        Instant since = BASE.plusSeconds(10 * 60);
        Instant until = BASE.plusSeconds(50 * 60);

        RunQuery query = RunQuery.all().withFlowName("echo").withStatuses(RunStatus.PENDING, RunStatus.COMPLETED)
                .withTag("t1").withSince(since).withUntil(until);

        List<String> expected = ids("SELECT CAST(id AS VARCHAR) FROM workflow.runs WHERE flow_name = 'echo'"
                + " AND status IN ('pending', 'completed') AND 't1' = ANY(tags)"
                + " AND created_at >= CAST(? AS TIMESTAMP WITH TIME ZONE)"
                + " AND created_at < CAST(? AS TIMESTAMP WITH TIME ZONE) ORDER BY created_at DESC, id DESC",
                since, until);
        assertThat(expected).isNotEmpty();
        assertThat(engine.listRuns(query).items()).extracting(RunSummary::runId).containsExactlyElementsOf(expected);
        assertThat(engine.listRuns(RunQuery.all().withStatusNames("FAILED", "canceled")).items())
                .hasSize(24).allSatisfy(run -> assertThat(run.status()).isIn(RunStatus.FAILED, RunStatus.CANCELED));
    }

    @Test
    void a_summary_describes_the_run_without_its_payloads() {
        String runId = engine.flow(ECHO).start("secret input",
                StartOptions.none().withIdempotencyKey("order-7").withTags("vip").withPriority(3));

        RunSummary run = engine.listRuns(RunQuery.all()).items().get(0);

        assertThat(run.runId()).isEqualTo(runId);
        assertThat(run.flowName()).isEqualTo("echo");
        assertThat(run.flowVersion()).isEqualTo(1);
        assertThat(run.status()).isEqualTo(RunStatus.PENDING);
        assertThat(run.idempotencyKey()).contains("order-7");
        assertThat(run.tags()).containsExactly("vip");
        assertThat(run.priority()).isEqualTo(3);
        assertThat(run.errorCode()).isEmpty();
        assertThat(run.finishedAt()).isEmpty();
        assertThat(run.toString()).doesNotContain("secret input");
    }

    @Test
    void bad_queries_are_refused_naming_the_argument() {
        expect(() -> RunQuery.all().withLimit(0), "limit must be between 1 and 500, got 0");
        expect(() -> RunQuery.all().withLimit(10_000), "limit must be between 1 and 500, got 10000");
        expect(() -> RunQuery.all().withLimit(-5), "got -5");
        expect(() -> RunQuery.all().withStatusNames("pending", "done"), "unknown run status 'done'");
        expect(() -> RunQuery.all().withFlowName(" "), "flow name");
        expect(() -> RunQuery.all().withTag(null), "tag");
        expect(() -> RunQuery.all().withSince(BASE).withUntil(BASE), "must be before until");
        expect(() -> engine.listRuns(null), "run query must not be null");
    }

    @Test
    void a_cursor_that_was_altered_or_made_up_is_refused() {
        insert("INSERT INTO workflow.runs (id, flow_name, flow_version, status, available_at, created_at, updated_at)"
                + " SELECT " + randomUuid() + ", 'echo', 1, 'pending', CURRENT_TIMESTAMP,"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE) + i * INTERVAL '1' SECOND, CURRENT_TIMESTAMP"
                + " FROM generate_series(1, 3) AS g(i)", BASE);
        String cursor = engine.listRuns(RunQuery.all().withLimit(1)).nextCursor().orElseThrow();
        char[] chars = cursor.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        String tampered = new String(chars);

        for (String bad : List.of(tampered, cursor.substring(0, cursor.length() - 2), "not a cursor!", "AAAA",
                cursor + "AA")) {
            expect(() -> engine.listRuns(RunQuery.all().withCursor(bad)), "cursor");
        }
        assertThat(engine.listRuns(RunQuery.all().withCursor(cursor)).items()).hasSize(2);
    }

    /** A new random UUID in SQL: PostgreSQL and H2 name the function differently. */
    private String randomUuid() {
        return db.isH2() ? "RANDOM_UUID()" : "gen_random_uuid()";
    }

    private void insert(String sql, Object... parameters) {
        db.sql().update(sql, parameters);
    }

    private List<String> ids(String sql, Object... parameters) {
        return db.sql().rows(sql, parameters).stream().map(Map::values).map(v -> (String) v.iterator().next())
                .toList();
    }

    private static void expect(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FlowException.class,
                e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID)).hasMessageContaining(message);
    }
}
