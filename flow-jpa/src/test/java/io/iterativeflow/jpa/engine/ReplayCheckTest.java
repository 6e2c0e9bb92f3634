package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.ReplayCheck;
import io.iterativeflow.core.registry.StaticKeys;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The check a deployment runs before it claims: which in-flight runs cannot replay on the deployed definitions. */
class ReplayCheckTest extends EngineTestBase {

    private static final FlowDefinition<String, String> V1 = FlowDefinition.builder("invoice", String.class,
            String.class).body((ctx, in) -> {
                ctx.step("draft", String.class, s -> "d");
                ctx.sleep("review", Duration.ofDays(1));
                return "sent";
            }).build();
    private static final FlowDefinition<String, String> V2 = FlowDefinition.builder("invoice", String.class,
            String.class).version(2).body((ctx, in) -> "sent v2").build();
    private static final FlowDefinition<String, String> OTHER = FlowDefinition.builder("other", String.class,
            String.class).body((ctx, in) -> "other").build();

    private final JpaFlowStore store;

    ReplayCheckTest(TestDatabase db) {
        super(db);
        this.store = JpaFlowStore.create(db.dataSource(), io.iterativeflow.core.spi.FlowClock.SYSTEM);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void in_flight_runs_of_a_version_no_longer_deployed_are_reported_with_their_ids() {
        Engine old = fixture.build(UnaryOperator.identity(), V1, OTHER);
        String waiting = old.flow(V1).start("a");
        String foreign = old.flow(OTHER).start("b");
        Engine finished = fixture.start(V2);
        String done = finished.flow(V2).start("c");
        finished.flow(V2).result(done, WAIT);

        Engine deployed = fixture.build(UnaryOperator.identity(), V2);
        ReplayCheck.Report report = new ReplayCheck(store, deployed.registry()).run(10);

        assertThat(report.checked()).as("terminal runs and other flows are not checked").isEqualTo(1);
        assertThat(report.unreplayable()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.runId()).isEqualTo(waiting);
            assertThat(p.flowId()).isEqualTo("invoice@1");
            assertThat(p.reason()).contains("flow invoice@1 is not deployed (deployed: invoice@2)");
        });
        assertThat(report.problems()).noneMatch(p -> p.runId().equals(foreign));
        assertThat(new ReplayCheck(store, fixture.build(UnaryOperator.identity(), V1, V2).registry()).run(10)
                .clean()).isTrue();
    }

    @Test
    void a_definition_that_knows_its_keys_reports_recorded_keys_it_can_no_longer_produce() {
        Engine engine = fixture.start(V1);
        String runId = engine.flow(V1).start("a");
        await().atMost(WAIT).until(() -> "sleeping".equals(statusOf(runId)));

        FlowDefinition<String, String> same = FlowDefinition.builder("invoice", String.class, String.class)
                .body(new KeyedBody(Set.of("draft", "review"))).build();
        FlowDefinition<String, String> renamed = FlowDefinition.builder("invoice", String.class, String.class)
                .body(new KeyedBody(Set.of("draft", "approval"))).build();

        assertThat(new ReplayCheck(store, fixture.build(UnaryOperator.identity(), same).registry()).run(10).clean())
                .isTrue();
        ReplayCheck.Report report = new ReplayCheck(store, fixture.build(UnaryOperator.identity(), renamed)
                .registry()).run(10);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.runId()).isEqualTo(runId);
            assertThat(p.reason()).contains("recorded sleep 'review'");
        });
    }

    @Test
    void many_runs_are_read_page_by_page_and_the_listing_is_capped() {
        db.sql().update("INSERT INTO workflow.runs (id, flow_name, flow_version, status, available_at, created_at,"
                + " updated_at) SELECT " + (db.isH2() ? "RANDOM_UUID()" : "gen_random_uuid()") + ", 'invoice', 1,"
                + " 'pending', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP"
                + " FROM generate_series(1, 1234)");
        Engine deployed = fixture.build(UnaryOperator.identity(), V2);

        ReplayCheck.Report report = new ReplayCheck(store, deployed.registry()).run(25);

        assertThat(report.checked()).isEqualTo(1234);
        assertThat(report.unreplayable()).isEqualTo(1234);
        assertThat(report.problems()).hasSize(25);
        assertThat(report.problems()).extracting(ReplayCheck.Problem::runId).isSorted().doesNotHaveDuplicates();
    }

    /** A body whose operations are known statically, as a builder flow's node tree would be. */
    private record KeyedBody(Set<String> keys) implements FlowBody<String, String>, StaticKeys {

        @Override
        public String run(FlowContext ctx, String input) {
            return "static";
        }

        @Override
        public boolean canProduce(String cursorKey, String kind) {
            return keys.contains(cursorKey);
        }
    }
}
