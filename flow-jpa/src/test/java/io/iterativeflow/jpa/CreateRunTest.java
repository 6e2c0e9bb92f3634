package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.StartResult;
import io.iterativeflow.jpa.testing.Concurrently;
import io.iterativeflow.jpa.testing.JsonText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreateRunTest extends StoreTestBase {

    @Test
    void a_run_without_key_is_inserted_pending_with_its_created_event() {
        NewRun run = new NewRun(UUID.randomUUID(), "orders", 3, Runs.INPUT, Optional.empty(),
                Set.of("eu", "with \"quote\", comma"), 7, Duration.ZERO);

        StartResult result = store.createRun(run);

        assertThat(result).isEqualTo(new StartResult(run.id(), true));
        Map<String, Object> row = sql().row("SELECT flow_name, flow_version, status, input::text AS input, priority,"
                + " attempts, tags::text AS tags, available_at <= now() AS ready"
                + " FROM workflow.runs WHERE id = ?", run.id());
        assertThat(row).containsEntry("flow_name", "orders").containsEntry("flow_version", 3)
                .containsEntry("status", "pending")
                .containsEntry("priority", 7).containsEntry("attempts", 0).containsEntry("ready", true);
        assertThat(store.details(run.id()).orElseThrow().tags()).containsExactlyInAnyOrder("eu",
                "with \"quote\", comma");
        assertThat(JsonText.value(row.get("input"))).isEqualTo(JsonText.value("{\"order\": 42}"));
        assertThat(eventTypes(run.id())).containsExactly("created");
    }

    @Test
    void two_runs_without_key_are_two_runs() {
        store.createRun(Runs.run("orders"));
        store.createRun(Runs.run("orders"));

        assertThat(sql().count("SELECT count(*) FROM workflow.runs")).isEqualTo(2);
    }

    @Test
    void a_second_start_with_the_same_key_returns_the_first_run() {
        StartResult first = store.createRun(Runs.keyed("orders", "order-1"));

        StartResult second = store.createRun(Runs.keyed("orders", "order-1"));

        assertThat(second).isEqualTo(new StartResult(first.runId(), false));
        assertThat(sql().count("SELECT count(*) FROM workflow.runs")).isEqualTo(1);
        assertThat(sql().count("SELECT count(*) FROM workflow.events")).isEqualTo(1);
    }

    @Test
    void the_same_key_in_another_version_or_flow_is_another_run() {
        NewRun v1 = Runs.keyed("orders", "k");
        NewRun v2 = new NewRun(UUID.randomUUID(), "orders", 2, null, v1.idempotencyKey(), Set.of(), 0,
                Duration.ZERO);

        assertThat(store.createRun(v1).created()).isTrue();
        assertThat(store.createRun(v2).created()).isTrue();
        assertThat(store.createRun(Runs.keyed("invoices", "k")).created()).isTrue();
    }

    @Test
    void five_threads_starting_with_one_key_create_exactly_one_run() throws Exception {
        List<StartResult> results = Concurrently.run(5, i -> store.createRun(Runs.keyed("orders", "same-key")));

        assertThat(results).extracting(StartResult::runId).containsOnly(results.get(0).runId());
        assertThat(results).filteredOn(StartResult::created).hasSize(1);
        assertThat(sql().count("SELECT count(*) FROM workflow.runs")).isEqualTo(1);
        assertThat(sql().count("SELECT count(*) FROM workflow.events WHERE type = 'created'")).isEqualTo(1);
    }

    @Test
    void a_delay_is_added_to_the_database_clock() {
        clock.advance(Duration.ofHours(1));
        NewRun run = Runs.delayed("orders", Duration.ofMinutes(5));

        store.createRun(run);

        Map<String, Object> row = sql().row("SELECT available_at, created_at FROM workflow.runs WHERE id = ?",
                run.id());
        Instant created = (Instant) row.get("created_at");
        assertThat((Instant) row.get("available_at")).isEqualTo(created.plus(Duration.ofMinutes(5)));
        Instant databaseNow = (Instant) sql().value("SELECT CURRENT_TIMESTAMP AS now");
        assertThat(Duration.between(databaseNow, created)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
    }

    @Test
    void a_duplicate_run_id_is_a_typed_conflict() {
        NewRun run = Runs.run("orders");
        store.createRun(run);

        assertThatThrownBy(() -> store.createRun(run))
                .isInstanceOfSatisfying(StoreConflictException.class,
                        e -> assertThat(e.constraint()).contains("runs_pkey"))
                .hasCauseInstanceOf(RuntimeException.class);
    }
}
