package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.spi.RunPosition;
import io.iterativeflow.jpa.internal.Database;
import io.iterativeflow.jpa.internal.Dialect;
import io.iterativeflow.jpa.internal.EntityManagerFactories;
import io.iterativeflow.jpa.internal.ResourceLocalTransactions;
import io.iterativeflow.jpa.internal.RunListings;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.PostgresOnly;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A listing page deep into 20,000 runs is read by walking an index from the cursor on: PostgreSQL's plan for the
 * statement {@code listRuns} sends has an index scan and neither a sort nor a sequential scan of {@code runs}.
 */
@DatabaseTest
@PostgresOnly
class ListingPlanTest {

    private static final int RUNS = 20_000;

    private static ResourceLocalTransactions tx;
    private static RunListings listings;
    private static RunPosition deep;

    @BeforeAll
    static void twentyThousandRuns(TestDatabase db) {
        db.sql().update("INSERT INTO workflow.runs (id, flow_name, flow_version, status, tags, available_at,"
                + " created_at, updated_at, finished_at) SELECT gen_random_uuid(), 'flow-' || (i % 4), 1,"
                + " (ARRAY['pending','running','completed','failed','sleeping'])[1 + i % 5], ARRAY['t' || (i % 10)],"
                + " now(), now() - i * INTERVAL '1 second', now(), NULL FROM generate_series(1, " + RUNS + ") AS i");
        db.sql().update("ANALYZE workflow.runs");
        Map<String, Object> row = db.sql().row("SELECT created_at, id FROM workflow.runs"
                + " ORDER BY created_at DESC, id DESC OFFSET 19000 LIMIT 1");
        deep = new RunPosition((Instant) row.get("created_at"), (UUID) row.get("id"));
        tx = new ResourceLocalTransactions(EntityManagerFactories.resourceLocal(db.dataSource(), Map.of()));
        listings = new RunListings(tx, Database.of(Dialect.POSTGRESQL, false));
    }

    @AfterAll
    static void close() {
        tx.close();
    }

    @Test
    void a_deep_page_of_all_runs_walks_the_listing_index() {
        assertIndexWalk(plan(RunQuery.all()), "runs_listing");
        assertThat(listings.list(RunQuery.all(), Optional.of(deep), 51)).hasSize(51)
                .allSatisfy(run -> assertThat(run.createdAt()).isBeforeOrEqualTo(deep.createdAt()));
    }

    @Test
    void a_deep_page_of_one_flow_walks_the_per_flow_listing_index() {
        assertIndexWalk(plan(RunQuery.all().withFlowName("flow-2")), "runs_listing_by_flow");
    }

    @Test
    void a_deep_page_filtered_by_status_and_time_still_walks_an_index_without_sorting() {
        List<String> plan = plan(RunQuery.all().withStatuses(RunStatus.COMPLETED, RunStatus.FAILED)
                .withSince(deep.createdAt().minusSeconds(5000)));
        assertIndexWalk(plan, "runs_listing");
    }

    private static List<String> plan(RunQuery query) {
        return listings.plan(query, Optional.of(deep), query.limit() + 1);
    }

    private static void assertIndexWalk(List<String> plan, String index) {
        String text = String.join("\n", plan);
        assertThat(text).as(text).contains("Index Scan using " + index + " on runs")
                .doesNotContain("Sort").doesNotContain("Seq Scan").doesNotContain("Bitmap");
    }
}
