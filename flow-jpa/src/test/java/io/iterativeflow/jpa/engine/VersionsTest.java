package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.core.config.VersionSettings;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Several versions of one flow deployed side by side: runs replay on their own version, starts take the newest. */
class VersionsTest extends EngineTestBase {

    private static final FlowDefinition<String, String> V1 = FlowDefinition.builder("pricing", String.class,
            String.class).version(1).body((ctx, in) -> {
                String price = ctx.step("price", String.class, s -> "10");
                ctx.sleep("settle", Duration.ofHours(1));
                return "v1 " + in + " " + price;
            }).build();
    private static final FlowDefinition<String, String> V2 = FlowDefinition.builder("pricing", String.class,
            String.class).version(2).body((ctx, in) -> {
                String price = ctx.step("quote", String.class, s -> "12");
                return "v2 " + in + " " + price;
            }).build();

    VersionsTest(TestDatabase db) {
        super(db);
    }

    @Test
    void starts_by_name_take_the_newest_version_unless_one_is_named() {
        Engine engine = fixture.start(V2, V1);

        FlowHandle<String, String> newest = engine.flow("pricing", String.class, String.class);
        FlowHandle<String, String> first = engine.flow("pricing", 1, String.class, String.class);
        assertThat(newest.version()).isEqualTo(2);
        assertThat(first.version()).isEqualTo(1);

        assertThat(newest.result(newest.start("a"), WAIT)).isEqualTo("v2 a 12");
        String old = first.start("b");
        await().atMost(WAIT).until(() -> "sleeping".equals(statusOf(old)));
        assertThat(engine.status(old).flowVersion()).isEqualTo(1);
    }

    @Test
    void a_run_replays_on_the_version_it_started_on_after_a_newer_one_is_deployed() {
        Engine before = fixture.start(V1);
        String runId = before.flow(V1).start("c");
        await().atMost(WAIT).until(() -> "sleeping".equals(statusOf(runId)));
        before.stop();

        Engine after = fixture.start(V1, V2);
        fixture.clock().advance(Duration.ofHours(1).plusSeconds(1));
        after.wake();

        assertThat(after.flow(V1).result(runId, WAIT)).isEqualTo("v1 c 10");
        assertThat(after.status(runId).step("quote")).isEmpty();
    }

    @Test
    void in_a_rolling_deploy_each_instance_takes_only_the_runs_of_the_versions_it_has() {
        Engine oldInstance = fixture.start(V1);
        Engine newInstance = fixture.start(builder -> builder.versions(VersionSettings.defaults()
                .withUndeployedGrace(Duration.ofMinutes(5))), V2);
        List<String> oldRuns = new ArrayList<>();
        List<String> newRuns = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            oldRuns.add(oldInstance.flow(V1).start("o" + i));
            newRuns.add(newInstance.flow("pricing", String.class, String.class).start("n" + i));
        }
        await().atMost(WAIT).until(() -> oldRuns.stream().allMatch(id -> "sleeping".equals(statusOf(id))));
        fixture.clock().advance(Duration.ofHours(1).plusSeconds(1));
        oldInstance.wake();

        for (int i = 0; i < 6; i++) {
            assertThat(oldInstance.flow(V1).result(oldRuns.get(i), WAIT)).isEqualTo("v1 o" + i + " 10");
            assertThat(newInstance.flow(V2).result(newRuns.get(i), WAIT)).isEqualTo("v2 n" + i + " 12");
        }
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events e JOIN workflow.runs r ON r.id = e.run_id"
                + " WHERE e.type = 'claimed' AND r.flow_version = 1 AND e.detail <> 'engine-1'"))
                .as("no v1 run was claimed by the instance without v1").isZero();
    }

    @Test
    void a_version_that_is_not_deployed_is_unknown_and_the_message_names_the_deployed_ones() {
        Engine engine = fixture.build(UnaryOperator.identity(), V1, V2);

        assertThatThrownBy(() -> engine.flow("pricing", 3, String.class, String.class))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.FLOW_UNKNOWN))
                .hasMessageContaining("flow pricing@3 is not deployed; deployed versions of 'pricing': [1, 2]");
        assertThatThrownBy(() -> engine.flow("pricing", 1, Integer.class, String.class))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID));
        assertThatThrownBy(() -> engine.flow(null, 1, String.class, String.class))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID));
    }
}
