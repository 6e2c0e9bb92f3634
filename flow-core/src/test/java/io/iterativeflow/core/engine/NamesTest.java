package io.iterativeflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void ordinary_names_pass() {
        assertThat(Names.checkStepName("step", "reserve-stock_2")).isEqualTo("reserve-stock_2");
    }

    @Test
    void null_blank_long_and_key_characters_are_refused_with_argument_invalid() {
        for (String bad : new String[] {null, " ", "x".repeat(201), "a:1", "a#b", "a\u0000b"}) {
            assertThatThrownBy(() -> Names.checkStepName("step", bad))
                    .isInstanceOfSatisfying(FlowException.class,
                            e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID))
                    .hasMessageContaining("step name");
        }
    }
}
