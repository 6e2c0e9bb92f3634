package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.FlowLimit;
import io.iterativeflow.core.spi.NewRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The claim keeps concurrency limits, rate limits and concurrency keys, and priority never crosses them. */
class FlowControlClaimTest extends StoreTestBase {

    private static final Set<String> FLOWS = Set.of("capped@1", "rated@1", "free@1", "serial@1");
    private static final Map<String, FlowLimit> LIMITS = Map.of(
            "capped", new FlowLimit(2, 0, null),
            "rated", new FlowLimit(0, 3, Duration.ofHours(1)));

    private static List<UUID> claim(String owner, int limit) {
        return store.claim(owner, limit, LEASE, FLOWS, LIMITS).stream().map(ClaimedRun::runId).toList();
    }

    private static List<UUID> create(NewRun... runs) {
        List<UUID> ids = new ArrayList<>();
        for (NewRun run : runs) {
            ids.add(store.createRun(run).runId());
        }
        return ids;
    }

    private static long running(String flow) {
        return sql().count("SELECT count(*) FROM workflow.runs WHERE flow_name = ? AND status = 'running'", flow);
    }

    @Test
    void a_flow_never_has_more_running_runs_than_its_limit_across_owners() {
        for (int i = 0; i < 5; i++) {
            create(Runs.run("capped"));
        }

        assertThat(claim("instance-a", 1)).hasSize(1);
        assertThat(claim("instance-b", 10)).hasSize(1);
        assertThat(claim("instance-a", 10)).isEmpty();
        assertThat(running("capped")).isEqualTo(2);
    }

    @Test
    void a_run_that_ends_frees_its_place_for_the_next() {
        for (int i = 0; i < 3; i++) {
            create(Runs.run("capped"));
        }
        List<ClaimedRun> first = store.claim(OWNER, 10, LEASE, FLOWS, LIMITS);
        assertThat(first).hasSize(2);

        store.complete(first.get(0).fence(), "1");

        assertThat(claim(OWNER, 10)).hasSize(1);
        assertThat(running("capped")).isEqualTo(2);
    }

    @Test
    void a_run_whose_lease_expired_frees_its_place_when_the_reconciler_makes_it_ready() {
        List<UUID> ids = create(Runs.run("capped"), Runs.run("capped"), Runs.run("capped"));
        assertThat(store.claim("crashed", 10, Duration.ofSeconds(5), FLOWS, LIMITS)).hasSize(2);
        assertThat(claim(OWNER, 10)).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(store.reclaimExpiredLeases(10)).isEqualTo(2);

        assertThat(claim(OWNER, 10)).hasSize(2);
        assertThat(running("capped")).isEqualTo(2);
        assertThat(ids).hasSize(3);
    }

    @Test
    void runs_over_the_rate_limit_stay_ready_and_are_claimed_in_a_later_period() {
        for (int i = 0; i < 7; i++) {
            create(Runs.run("rated"));
        }

        assertThat(claim(OWNER, 2)).hasSize(2);
        assertThat(claim(OWNER, 10)).as("one left in this period").hasSize(1);
        assertThat(claim(OWNER, 10)).isEmpty();
        assertThat(sql().count("SELECT count(*) FROM workflow.runs WHERE flow_name = 'rated'"
                + " AND status = 'pending'")).isEqualTo(4);

        clock.advance(Duration.ofMinutes(59));
        assertThat(claim(OWNER, 10)).as("still the same period").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(claim(OWNER, 10)).hasSize(3);
        assertThat(claim(OWNER, 10)).isEmpty();

        clock.advance(Duration.ofHours(1));
        assertThat(claim(OWNER, 10)).hasSize(1);
    }

    @Test
    void a_high_priority_run_over_its_limit_does_not_hold_back_other_flows() {
        create(Runs.run("capped"), Runs.run("capped"));
        assertThat(claim(OWNER, 10)).hasSize(2);
        create(Runs.prioritized("capped", 100));
        UUID blockedByKey = create(Runs.serial("serial", "k", 0)).get(0);
        assertThat(claim(OWNER, 1)).containsExactly(blockedByKey);
        create(Runs.serial("serial", "k", 90));
        List<UUID> free = create(Runs.prioritized("free", 1), Runs.prioritized("free", 0));

        assertThat(claim(OWNER, 2)).containsExactly(free.get(0), free.get(1));
    }

    @Test
    void higher_priorities_are_claimed_first_among_runs_that_may_run() {
        List<UUID> ids = create(Runs.prioritized("free", 0), Runs.prioritized("free", 5),
                Runs.prioritized("free", -3));

        assertThat(claim(OWNER, 3)).containsExactly(ids.get(1), ids.get(0), ids.get(2));
    }

    @Test
    void runs_of_one_key_are_claimed_one_at_a_time_in_start_order_whatever_their_priority() {
        List<UUID> customerA = create(Runs.serial("serial", "customer-a", 0), Runs.serial("serial", "customer-a", 50),
                Runs.serial("serial", "customer-a", 99));
        UUID customerB = create(Runs.serial("serial", "customer-b", 0)).get(0);

        List<ClaimedRun> first = store.claim(OWNER, 10, LEASE, FLOWS, LIMITS);
        assertThat(first).extracting(ClaimedRun::runId).containsExactlyInAnyOrder(customerA.get(0), customerB);
        assertThat(claim("instance-b", 10)).isEmpty();

        ClaimedRun a1 = first.stream().filter(c -> c.runId().equals(customerA.get(0))).findFirst().orElseThrow();
        store.complete(a1.fence(), "1");
        List<ClaimedRun> second = store.claim(OWNER, 10, LEASE, FLOWS, LIMITS);
        assertThat(second).extracting(ClaimedRun::runId).containsExactly(customerA.get(1));

        store.fail(second.get(0).fence(), "FLOW_FAILED", "boom");
        assertThat(claim(OWNER, 10)).containsExactly(customerA.get(2));
    }

    @Test
    void a_run_that_suspends_keeps_its_key_until_it_ends() {
        List<UUID> ids = create(Runs.serial("serial", "k", 0), Runs.serial("serial", "k", 0));
        ClaimedRun first = store.claim(OWNER, 10, LEASE, FLOWS, LIMITS).get(0);
        assertThat(first.runId()).isEqualTo(ids.get(0));

        store.release(first.fence(), "given back");

        assertThat(claim(OWNER, 10)).as("the earlier run comes first again").containsExactly(ids.get(0));
    }

    @Test
    void flows_without_limits_and_runs_without_keys_are_claimed_as_before() {
        List<UUID> ids = create(Runs.run("free"), Runs.run("free"), Runs.run("free"));

        assertThat(claim(OWNER, 10)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(sql().count("SELECT count(*) FROM workflow.flow_control")).isEqualTo(2);
    }
}
