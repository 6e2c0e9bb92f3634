package io.iterativeflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunStatusTest {

    @Test
    void exactly_completed_failed_and_canceled_are_terminal() {
        assertThat(List.of(RunStatus.values())).filteredOn(RunStatus::isTerminal)
                .containsExactlyInAnyOrder(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELED);
    }

    @Test
    void database_names_round_trip_and_unknown_names_are_refused() {
        for (RunStatus s : RunStatus.values()) {
            assertThat(RunStatus.fromDbName(s.dbName())).isEqualTo(s);
        }
        assertThat(RunStatus.AWAITING_SIGNAL.dbName()).isEqualTo("awaiting_signal");
        assertThatThrownBy(() -> RunStatus.fromDbName("done"))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID))
                .hasMessageContaining("completed");
    }

    @Test
    void type_refs_capture_generic_types() {
        TypeRef<List<String>> ref = new TypeRef<>() { };
        assertThat(ref.type().getTypeName()).isEqualTo("java.util.List<java.lang.String>");
        assertThat(TypeRef.of(String.class).type()).isEqualTo(String.class);
    }
}
