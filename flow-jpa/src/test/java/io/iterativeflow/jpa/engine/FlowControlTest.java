package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.spi.FlowLimit;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrency limits, concurrency keys and rate limits with two engines on one database and real worker threads: every
 * engine has more free workers than the limits allow, so only the claim keeps them.
 */
@DatabaseTest(poolSize = 16)
class FlowControlTest extends EngineTestBase {

    private final Semaphore gate = new Semaphore(0);
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final Map<String, AtomicInteger> runningByKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxByKey = new ConcurrentHashMap<>();
    private final Map<String, List<String>> orderByKey = new ConcurrentHashMap<>();

    FlowControlTest(TestDatabase db) {
        super(db);
    }

    @AfterEach
    void openGate() {
        gate.release(1000);
    }

    /** A body that counts itself running, waits for the gate, and records the most that ran at once. */
    private String gated(String input) throws InterruptedException {
        max.accumulateAndGet(current.incrementAndGet(), Math::max);
        try {
            if (!gate.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gate never opened");
            }
            return input;
        } finally {
            current.decrementAndGet();
            finished.incrementAndGet();
        }
    }

    @Test
    void two_engines_never_run_more_runs_of_a_flow_than_its_limit_and_every_run_completes() {
        FlowDefinition<String, String> capped = FlowDefinition.builder("capped", String.class, String.class)
                .maxConcurrency(2)
                .body((ctx, in) -> ctx.step("work", String.class, s -> gated(in)))
                .build();
        Engine a = fixture.start(capped);
        Engine b = fixture.start(capped);
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            runs.add((i % 2 == 0 ? a : b).flow(capped).start("run-" + i));
        }

        await().atMost(WAIT).until(() -> current.get() == 2);
        for (int i = 1; i <= 4; i++) {
            gate.release();
            int done = i;
            await().atMost(WAIT).until(() -> finished.get() >= done && current.get() == 2);
        }
        gate.release(100);

        for (int i = 0; i < runs.size(); i++) {
            assertThat((i % 2 == 0 ? b : a).flow(capped).result(runs.get(i), WAIT)).isEqualTo("run-" + i);
        }
        assertThat(max.get()).isEqualTo(2);
        assertThat(finished.get()).isEqualTo(12);
    }

    @Test
    void runs_of_one_concurrency_key_run_one_at_a_time_in_start_order_across_engines() {
        FlowDefinition<String, String> serial = FlowDefinition.builder("serial", String.class, String.class)
                .body((ctx, in) -> ctx.step("work", String.class, s -> {
                    String key = in.substring(0, in.indexOf(':'));
                    AtomicInteger running = runningByKey.computeIfAbsent(key, k -> new AtomicInteger());
                    maxByKey.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(
                            running.incrementAndGet(), Math::max);
                    orderByKey.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(in);
                    try {
                        return gated(in);
                    } finally {
                        running.decrementAndGet();
                    }
                }))
                .build();
        Engine a = fixture.start(serial);
        Engine b = fixture.start(serial);
        List<String> runs = new ArrayList<>();
        List<String> expectedFirst = new ArrayList<>();
        List<String> expectedSecond = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String key = i % 3 == 2 ? "customer-2" : "customer-1";
            String input = key + ":" + i;
            (key.equals("customer-1") ? expectedFirst : expectedSecond).add(input);
            // later runs have higher priorities: the key's start order wins over them
            StartOptions options = StartOptions.none().withConcurrencyKey(key).withPriority(i);
            runs.add((i % 2 == 0 ? a : b).flow(serial).start(input, options));
        }

        await().atMost(WAIT).until(() -> current.get() == 2);
        gate.release(100);

        for (String run : runs) {
            await().atMost(WAIT).until(() -> "completed".equals(statusOf(run)));
        }
        assertThat(orderByKey.get("customer-1")).containsExactlyElementsOf(expectedFirst);
        assertThat(orderByKey.get("customer-2")).containsExactlyElementsOf(expectedSecond);
        assertThat(maxByKey.get("customer-1").get()).isEqualTo(1);
        assertThat(maxByKey.get("customer-2").get()).isEqualTo(1);
        assertThat(max.get()).as("the two keys ran side by side").isEqualTo(2);
    }

    @Test
    void runs_over_the_rate_limit_wait_for_the_next_period() {
        gate.release(100);
        FlowDefinition<String, String> rated = FlowDefinition.builder("rated", String.class, String.class)
                .rateLimit(2, Duration.ofHours(1))
                .body((ctx, in) -> ctx.step("work", String.class, s -> gated(in)))
                .build();
        Engine a = fixture.start(rated);
        Engine b = fixture.start(rated);
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? a : b).flow(rated).start("run-" + i);
        }

        await().atMost(WAIT).until(() -> finished.get() == 2);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> finished.get() == 2);

        fixture.clock().advance(Duration.ofHours(1));
        await().atMost(WAIT).until(() -> finished.get() == 4);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> finished.get() == 4);

        fixture.clock().advance(Duration.ofHours(1));
        await().atMost(WAIT).until(() -> finished.get() == 5);
    }

    @Test
    void the_engine_builder_overrides_the_definitions_limits() {
        FlowDefinition<String, String> capped = FlowDefinition.builder("overridden", String.class, String.class)
                .maxConcurrency(5)
                .body((ctx, in) -> ctx.step("work", String.class, s -> gated(in)))
                .build();
        Engine engine = fixture.start(builder -> builder.flowLimit("overridden", new FlowLimit(1, 0, null)), capped);
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(engine.flow(capped).start("run-" + i));
        }

        await().atMost(WAIT).until(() -> current.get() == 1);
        gate.release(100);
        for (String run : runs) {
            assertThat(engine.flow(capped).result(run, WAIT)).startsWith("run-");
        }
        assertThat(max.get()).isEqualTo(1);
    }

    @Test
    void bad_limits_and_keys_are_refused_naming_the_setting() {
        FlowDefinition.Builder<String, String> builder = FlowDefinition.builder("bad", String.class, String.class);

        assertThatThrownBy(() -> builder.maxConcurrency(0)).isInstanceOf(FlowException.class)
                .hasMessageContaining("maxConcurrency must be 1 or more, got 0")
                .extracting(e -> ((FlowException) e).code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID);
        assertThatThrownBy(() -> builder.rateLimit(-1, Duration.ofMinutes(1)))
                .hasMessageContaining("rateLimit must be 1 or more, got -1");
        assertThatThrownBy(() -> builder.rateLimit(10, Duration.ofMillis(500)))
                .hasMessageContaining("ratePeriod must be at least 1 second, got PT0.5S");
        assertThatThrownBy(() -> StartOptions.none().withConcurrencyKey(" "))
                .isInstanceOf(FlowException.class).hasMessageContaining("concurrency key must not be null or blank")
                .extracting(e -> ((FlowException) e).code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID);
        assertThatThrownBy(() -> StartOptions.none().withConcurrencyKey("k".repeat(201)))
                .isInstanceOf(FlowException.class).hasMessageContaining("concurrency key is 201 characters");
    }
}
