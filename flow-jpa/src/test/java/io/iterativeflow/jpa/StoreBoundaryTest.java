package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoreBoundaryTest extends StoreTestBase {

    @Test
    void tags_with_any_characters_survive_the_round_trip() {
        Set<String> tags = Set.of("a,b", "{braces}", "back\\slash", "quote\"d", "ünïcode", "NULL", "");
        NewRun run = new NewRun(UUID.randomUUID(), "orders", 1, null, Optional.empty(), tags, 0, Duration.ZERO);

        store.createRun(run);

        assertThat(store.details(run.id()).orElseThrow().tags()).isEqualTo(tags);
        assertThat(store.details(run.id()).orElseThrow().inputJson()).isEmpty();
    }

    @Test
    void invalid_arguments_fail_before_any_sql() {
        assertThatThrownBy(() -> store.claim(OWNER, 0, LEASE)).isInstanceOfSatisfying(FlowException.class,
                e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID)).hasMessageContaining("limit");
        assertThatThrownBy(() -> store.claim(" ", 1, LEASE)).isInstanceOf(FlowException.class);
        assertThatThrownBy(() -> store.claim(OWNER, 1, Duration.ZERO)).isInstanceOf(FlowException.class);
        assertThatThrownBy(() -> store.reclaimExpiredLeases(-1)).isInstanceOf(FlowException.class);
        assertThatThrownBy(() -> store.createRun(null)).isInstanceOf(FlowException.class);
    }

    @Test
    void a_database_that_went_away_is_store_unavailable_with_the_cause_chained() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(db.jdbcUrl());
        pool.setUsername(db.user());
        pool.setPassword(db.password());
        pool.setMaximumPoolSize(1);
        JpaFlowStore doomed = JpaFlowStore.create(pool, FlowClock.SYSTEM);
        pool.close();
        try {
            assertThatThrownBy(() -> doomed.createRun(Runs.run("orders")))
                    .isInstanceOfSatisfying(FlowException.class,
                            e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STORE_UNAVAILABLE))
                    .hasCauseInstanceOf(RuntimeException.class);
        } finally {
            doomed.close();
        }
    }
}
