package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.SqlHelper;
import io.iterativeflow.jpa.testing.TestClock;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One store over one fresh database per test class; every test starts with empty tables and the clock at the
 * database's time.
 */
@DatabaseTest
abstract class StoreTestBase {

    static final Duration LEASE = Duration.ofSeconds(30);
    static final String OWNER = "instance-a";

    static final TestClock clock = new TestClock();
    static TestDatabase db;
    static JpaFlowStore store;

    @BeforeAll
    static void startStore(TestDatabase database) {
        db = database;
        store = JpaFlowStore.create(database.dataSource(), clock);
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @BeforeEach
    void cleanSlate() {
        db.clearFlowTables();
        clock.reset();
    }

    static SqlHelper sql() {
        return db.sql();
    }

    /** Creates a run and claims it as {@link #OWNER}; the tables hold no other ready run. */
    static ClaimedRun startAndClaim(NewRun run) {
        UUID id = store.createRun(run).runId();
        List<ClaimedRun> claimed = store.claim(OWNER, 10, LEASE);
        assertThat(claimed).extracting(ClaimedRun::runId).containsExactly(id);
        return claimed.get(0);
    }

    static String status(UUID runId) {
        return (String) sql().value("SELECT status FROM workflow.runs WHERE id = ?", runId);
    }

    static List<String> eventTypes(UUID runId) {
        return sql().rows("SELECT type FROM workflow.events WHERE run_id = ? ORDER BY id", runId).stream()
                .map(r -> (String) r.get("type")).toList();
    }
}
