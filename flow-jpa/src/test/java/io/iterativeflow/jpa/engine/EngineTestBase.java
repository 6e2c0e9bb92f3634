package io.iterativeflow.jpa.engine;

import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh database per class, a clean slate and a fresh {@link EngineFixture} per test. */
@DatabaseTest
abstract class EngineTestBase {

    static final Duration WAIT = Duration.ofSeconds(15);

    protected final TestDatabase db;
    protected EngineFixture fixture;

    EngineTestBase(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createFixture() {
        fixture = new EngineFixture(db);
    }

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    String statusOf(String runId) {
        return (String) db.sql().value("SELECT status FROM workflow.runs WHERE id = CAST(? AS UUID)", runId);
    }
}
