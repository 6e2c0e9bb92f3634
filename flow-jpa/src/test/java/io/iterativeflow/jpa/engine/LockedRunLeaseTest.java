package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.CallerTransaction;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caller's transaction signals a running run and stays open, holding that run's row lock. The instance that runs
 * it goes on renewing the leases of its other runs, and a second instance takes none of them over.
 */
class LockedRunLeaseTest extends EngineTestBase {

    private final CountDownLatch started = new CountDownLatch(2);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final FlowDefinition<String, String> job = FlowDefinition.builder("long-job", String.class, String.class)
            .signal("note", String.class)
            .body((ctx, in) -> ctx.step("work", String.class, s -> {
                tries.computeIfAbsent(in, k -> new AtomicInteger()).incrementAndGet();
                started.countDown();
                release.await();
                return in + " done";
            })).build();
    private CallerTransaction caller;
    private JpaFlowStore callerStore;

    LockedRunLeaseTest(TestDatabase db) {
        super(db);
    }

    @AfterEach
    void closeCaller() throws Exception {
        release.countDown();
        caller.close();
        callerStore.close();
    }

    @Test
    void an_open_transaction_that_signaled_one_run_does_not_stop_the_renewal_of_the_others() throws Exception {
        caller = new CallerTransaction(db.dataSource());
        callerStore = JpaFlowStore.builder(db.dataSource()).clock(fixture.clock())
                .jta(caller, caller.dataSource()).build();
        Engine first = fixture.start(b -> b.store(callerStore), job);
        String locked = first.flow(job).start("locked");
        String other = first.flow(job).start("other");
        assertThat(started.await(15, TimeUnit.SECONDS)).isTrue();
        fixture.start(job);

        caller.begin();
        first.signal(locked, "note", "held by an open transaction");
        Instant before = leaseOf(other);
        await().atMost(WAIT).until(() -> leaseOf(other).isAfter(before.plusSeconds(3)));

        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE type = 'lease_expired'")).isZero();
        assertThat(ownerOf(locked)).isEqualTo("engine-1");
        assertThat(ownerOf(other)).isEqualTo("engine-1");
        caller.commit();
        release.countDown();

        assertThat(first.flow(job).result(other, WAIT)).isEqualTo("other done");
        assertThat(first.flow(job).result(locked, WAIT)).isEqualTo("locked done");
        assertThat(tries.get("other")).hasValue(1);
    }

    private Instant leaseOf(String runId) {
        return (Instant) db.sql().value("SELECT lease_expires_at FROM workflow.runs WHERE id = CAST(? AS UUID)",
                runId);
    }

    private String ownerOf(String runId) {
        return (String) db.sql().value("SELECT lease_owner FROM workflow.runs WHERE id = CAST(? AS UUID)", runId);
    }
}
