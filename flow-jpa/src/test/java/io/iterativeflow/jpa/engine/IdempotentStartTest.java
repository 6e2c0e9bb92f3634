package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class IdempotentStartTest {

    private static final FlowDefinition<String, String> ECHO = FlowDefinition.builder("echo", String.class,
            String.class).body((ctx, in) -> ctx.step("upper", String.class, s -> in.toUpperCase())).build();

    private final TestDatabase db;
    private EngineFixture fixture;

    IdempotentStartTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void setUp() {
        fixture = new EngineFixture(db);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void five_threads_starting_with_one_key_get_one_run() throws Exception {
        Engine engine = fixture.start(ECHO);
        FlowHandle<String, String> echo = engine.flow(ECHO);
        CyclicBarrier barrier = new CyclicBarrier(5);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Callable<String> start = () -> {
                    barrier.await();
                    return echo.start("hello", StartOptions.none().withIdempotencyKey("order-42"));
                };
                ids.add(threads.submit(start));
            }
            Set<String> distinct = new java.util.HashSet<>();
            for (Future<String> id : ids) {
                distinct.add(id.get());
            }
            assertThat(distinct).hasSize(1);
            assertThat(db.sql().count("SELECT count(*) FROM workflow.runs")).isEqualTo(1);
            assertThat(echo.result(distinct.iterator().next(), Duration.ofSeconds(10))).isEqualTo("HELLO");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void starts_without_a_key_or_with_different_keys_create_separate_runs() {
        Engine engine = fixture.start(ECHO);
        FlowHandle<String, String> echo = engine.flow(ECHO);
        String a = echo.start("a");
        String b = echo.start("a");
        String c = echo.start("a", StartOptions.none().withIdempotencyKey("k1"));
        String d = echo.start("a", StartOptions.none().withIdempotencyKey("k2"));
        assertThat(Set.of(a, b, c, d)).hasSize(4);
        assertThat(echo.start("other input", StartOptions.none().withIdempotencyKey("k1"))).isEqualTo(c);
    }
}
