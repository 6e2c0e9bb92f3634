package io.iterativeflow.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.jpa.StoreConflictException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreErrorsTest {

    @Test
    void a_unique_violation_becomes_a_conflict_naming_the_constraint() {
        SQLException sql = new SQLException(
                "ERROR: duplicate key value violates unique constraint \"runs_pkey\"\n  Detail: Key (id)=(…)",
                "23505");
        RuntimeException thrown = new PersistenceException("wrapped", sql);

        RuntimeException mapped = StoreErrors.map(thrown);

        assertThat(mapped).isInstanceOfSatisfying(StoreConflictException.class, e -> {
            assertThat(e.constraint()).contains("runs_pkey");
            assertThat(e.getMessage()).doesNotContain("\n");
        }).hasCause(thrown);
    }

    @Test
    void any_other_database_failure_is_store_unavailable_with_the_cause_chained() {
        RuntimeException thrown = new PersistenceException("wrapped", new SQLException("connection refused",
                "08001"));

        RuntimeException mapped = StoreErrors.map(thrown);

        assertThat(mapped).isInstanceOfSatisfying(FlowException.class,
                e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STORE_UNAVAILABLE))
                .hasMessageContaining("08001").hasMessageContaining("connection refused").hasCause(thrown);
    }

    @Test
    void the_engines_own_exceptions_pass_unchanged() {
        FlowException own = new FlowException(FlowErrorCode.ARGUMENT_INVALID, "x");

        assertThat(StoreErrors.map(own)).isSameAs(own);
    }
}
