package io.iterativeflow.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @ParameterizedTest
    @CsvSource({"1048576,1048576", "512KB,524288", "512 kb,524288", "2MiB,2097152", "2m,2097152", "1G,1073741824",
            "7B,7", " 10 ,10"})
    void parses_bytes_and_binary_units(String text, long bytes) {
        assertThat(Sizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-1", "1.5MB", "ten", "10 TB", "MB"})
    void refuses_what_is_not_a_size_and_names_the_accepted_forms(String text) {
        assertThatThrownBy(() -> Sizes.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".*(KB|positive).*");
    }

    @Test
    void limits_outside_one_byte_to_the_jsonb_ceiling_are_problems_naming_their_key() {
        List<String> problems = new ArrayList<>();
        new PayloadLimits(0, PayloadLimits.CEILING + 1, 10).addProblems(problems);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("flow.limits.max-input-bytes").contains("got 0");
        assertThat(problems.get(1)).contains("flow.limits.max-step-result-bytes");
    }
}
