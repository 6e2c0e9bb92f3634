package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.CronSchedule;
import io.iterativeflow.api.CronTick;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CronTest extends EngineTestBase {

    /** Long enough for dozens of polls of every engine: a tick that would start a second run has done so by then. */
    private static final Duration SETTLE = Duration.ofMillis(600);

    private final CountDownLatch gate = new CountDownLatch(1);

    CronTest(TestDatabase db) {
        super(db);
    }

    @AfterEach
    void openGate() {
        gate.countDown();
    }

    private static final FlowDefinition<CronTick, String> REPORT = FlowDefinition
            .builder("report", CronTick.class, String.class)
            .body((ctx, tick) -> ctx.step("render", String.class, s -> "report of " + tick.scheduledAt()))
            .build();

    private final FlowDefinition<Void, String> slow = FlowDefinition.builder("slow", Void.class, String.class)
            .body((ctx, none) -> ctx.step("wait", String.class, s -> {
                assertThat(gate.await(30, TimeUnit.SECONDS)).isTrue();
                return "done";
            }))
            .build();

    @Test
    void three_engines_start_exactly_one_run_per_tick() {
        moveTo("2027-01-04T08:55:00Z");
        CronSchedule everyTen = CronSchedule.of("report", "*/10 * * * *");
        Engine first = fixture.start(b -> b.schedule(everyTen), REPORT);
        fixture.start(b -> b.schedule(everyTen), REPORT);
        fixture.start(b -> b.schedule(everyTen), REPORT);

        List<String> expected = new ArrayList<>();
        for (String tick : List.of("2027-01-04T09:00:00Z", "2027-01-04T09:10:00Z", "2027-01-04T09:20:00Z")) {
            moveTo(Instant.parse(tick).plusSeconds(2).toString());
            expected.add("cron:report:" + tick);
            awaitKeys("report", expected.toArray(String[]::new));
            awaitDone("report", expected.get(expected.size() - 1));
        }
        keysStay("report", expected.toArray(String[]::new));

        String last = runOf("report", "cron:report:2027-01-04T09:20:00Z");
        assertThat(first.flow(REPORT).result(last, WAIT)).isEqualTo("report of 2027-01-04T09:20:00Z");
        assertThat(first.status(last).tags()).containsExactly(CronSchedule.TAG);
    }

    @Test
    void the_zone_is_honoured_across_a_daylight_saving_change() {
        moveTo("2027-03-27T05:30:00Z");
        fixture.start(b -> b.schedule(CronSchedule.of("report", "0 7 * * *").withZone(ZoneId.of("Europe/Berlin"))),
                REPORT);

        moveTo("2027-03-27T06:00:02Z");
        awaitKeys("report", "cron:report:2027-03-27T06:00:00Z");
        awaitDone("report", "cron:report:2027-03-27T06:00:00Z");
        moveTo("2027-03-28T05:00:02Z");
        awaitKeys("report", "cron:report:2027-03-27T06:00:00Z", "cron:report:2027-03-28T05:00:00Z");
        awaitDone("report", "cron:report:2027-03-28T05:00:00Z");
        moveTo("2027-03-28T06:00:02Z");
        keysStay("report", "cron:report:2027-03-27T06:00:00Z", "cron:report:2027-03-28T05:00:00Z");
    }

    @Test
    void a_tick_is_skipped_while_the_run_of_an_earlier_tick_is_unfinished() {
        moveTo("2027-01-04T08:59:00Z");
        fixture.start(b -> b.schedule(CronSchedule.of("slow", "* * * * *")), slow);

        moveTo("2027-01-04T09:00:02Z");
        awaitKeys("slow", "cron:slow:2027-01-04T09:00:00Z");
        await().atMost(WAIT).until(() -> "running".equals(statusOf(runOf("slow", "cron:slow:2027-01-04T09:00:00Z"))));
        moveTo("2027-01-04T09:01:02Z");
        keysStay("slow", "cron:slow:2027-01-04T09:00:00Z");

        gate.countDown();
        awaitDone("slow", "cron:slow:2027-01-04T09:00:00Z");
        moveTo("2027-01-04T09:02:02Z");
        awaitKeys("slow", "cron:slow:2027-01-04T09:00:00Z", "cron:slow:2027-01-04T09:02:00Z");
    }

    @Test
    void with_overlap_allowed_a_tick_starts_its_run_while_an_earlier_one_is_unfinished() {
        moveTo("2027-01-04T08:59:00Z");
        fixture.start(b -> b.schedule(CronSchedule.of("slow", "* * * * *").withOverlap(CronSchedule.Overlap.ALLOW)),
                slow);

        moveTo("2027-01-04T09:00:02Z");
        awaitKeys("slow", "cron:slow:2027-01-04T09:00:00Z");
        await().atMost(WAIT).until(() -> "running".equals(statusOf(runOf("slow", "cron:slow:2027-01-04T09:00:00Z"))));
        moveTo("2027-01-04T09:01:02Z");
        awaitKeys("slow", "cron:slow:2027-01-04T09:00:00Z", "cron:slow:2027-01-04T09:01:00Z");
        assertThat(statusOf(runOf("slow", "cron:slow:2027-01-04T09:00:00Z"))).as("the gate is still closed")
                .isIn("running", "pending");
    }

    @Test
    void ticks_missed_while_no_engine_ran_are_made_up_for_once_with_run_once() {
        moveTo("2027-01-04T08:59:00Z");
        CronSchedule hourly = CronSchedule.of("report", "0 * * * *").withMissed(CronSchedule.Missed.RUN_ONCE);
        Engine crashed = fixture.start(b -> b.schedule(hourly), REPORT);
        moveTo("2027-01-04T09:00:02Z");
        awaitKeys("report", "cron:report:2027-01-04T09:00:00Z");
        awaitDone("report", "cron:report:2027-01-04T09:00:00Z");
        crashed.halt();

        moveTo("2027-01-07T14:30:00Z");
        fixture.start(b -> b.schedule(hourly), REPORT);

        awaitKeys("report", "cron:report:2027-01-04T09:00:00Z", "cron:report:2027-01-07T14:00:00Z");
        keysStay("report", "cron:report:2027-01-04T09:00:00Z", "cron:report:2027-01-07T14:00:00Z");
    }

    @Test
    void ticks_missed_while_no_engine_ran_are_dropped_with_skip() {
        moveTo("2027-01-04T08:59:00Z");
        CronSchedule hourly = CronSchedule.of("report", "0 * * * *");
        Engine crashed = fixture.start(b -> b.schedule(hourly), REPORT);
        moveTo("2027-01-04T09:00:02Z");
        awaitKeys("report", "cron:report:2027-01-04T09:00:00Z");
        awaitDone("report", "cron:report:2027-01-04T09:00:00Z");
        crashed.halt();

        moveTo("2027-01-07T14:30:00Z");
        fixture.start(b -> b.schedule(hourly), REPORT);
        keysStay("report", "cron:report:2027-01-04T09:00:00Z");

        moveTo("2027-01-07T15:00:02Z");
        awaitKeys("report", "cron:report:2027-01-04T09:00:00Z", "cron:report:2027-01-07T15:00:00Z");
    }

    @Test
    void jitter_delays_the_run_of_a_tick_by_at_most_the_jitter() {
        moveTo("2027-01-04T08:59:00Z");
        fixture.start(b -> b.schedule(CronSchedule.of("report", "0 * * * *").withJitter(Duration.ofMinutes(10))),
                REPORT);
        moveTo("2027-01-04T09:00:02Z");
        awaitKeys("report", "cron:report:2027-01-04T09:00:00Z");

        Instant available = (Instant) db.sql().value("SELECT available_at FROM workflow.runs WHERE flow_name = ?",
                "report");
        assertThat(available).isBetween(Instant.parse("2027-01-04T09:00:00Z"), Instant.parse("2027-01-04T09:10:03Z"));
    }

    @Test
    void an_invalid_schedule_fails_the_build_naming_every_problem() {
        FlowDefinition<String, String> text = FlowDefinition.builder("text", String.class, String.class)
                .body((ctx, in) -> in).build();

        assertThatThrownBy(() -> fixture.build(b -> b
                        .schedule(CronSchedule.of("report", "0 7 * *"))
                        .schedule(CronSchedule.of("text", "0 7 * * *"))
                        .schedule(CronSchedule.of("absent", "0 7 * * *")), REPORT, text))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.CONFIG_INVALID))
                .hasMessageContaining("schedule '0 7 * *' (Z) of flow report: '0 7 * *' has 4 fields")
                .hasMessageContaining("flow text@1 takes java.lang.String; a scheduled flow must take")
                .hasMessageContaining("no flow named absent is deployed");
    }

    private void moveTo(String instant) {
        Duration ahead = Duration.between(fixture.clock().instant(), Instant.parse(instant));
        assertThat(ahead).as("the test clock only moves forward").isPositive();
        fixture.clock().advance(ahead);
    }

    private void awaitKeys(String flow, String... keys) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(keys(flow)).containsExactlyInAnyOrder(keys));
    }

    /** Waits until the run of every listed key has completed, so no tick is skipped for overlap. */
    private void awaitDone(String flow, String... keys) {
        for (String key : keys) {
            await().atMost(WAIT).until(() -> "completed".equals(statusOf(runOf(flow, key))));
        }
    }

    private void keysStay(String flow, String... keys) {
        await().during(SETTLE).atMost(WAIT).untilAsserted(() -> assertThat(keys(flow))
                .containsExactlyInAnyOrder(keys));
    }

    private List<Object> keys(String flow) {
        return db.sql().rows("SELECT idempotency_key FROM workflow.runs WHERE flow_name = ?", flow).stream()
                .map(row -> row.get("idempotency_key")).toList();
    }

    private String runOf(String flow, String key) {
        return db.sql().value("SELECT id FROM workflow.runs WHERE flow_name = ? AND idempotency_key = ?", flow, key)
                .toString();
    }
}
