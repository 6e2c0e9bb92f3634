package io.iterativeflow.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.config.ListenSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListenConfigTest {

    private final List<Problem> problems = new ArrayList<>();

    private FlowConfiguration read(Map<String, String> values) {
        return FlowConfiguration.read(key -> Optional.ofNullable(values.get(key)), problems);
    }

    @Test
    void the_engine_listens_unless_told_not_to() {
        assertThat(read(Map.of()).listen()).isEqualTo(ListenSettings.defaults());
        assertThat(read(Map.of("flow.worker.listen", "false")).listen().enabled()).isFalse();
        assertThat(read(Map.of("flow.worker.listen", "on")).listen().enabled()).isTrue();
        assertThat(problems).isEmpty();
    }

    @Test
    void a_value_that_is_not_a_boolean_is_a_problem_naming_the_key() {
        read(Map.of("flow.worker.listen", "sometimes", "flow.worker.concurrency", "many"));

        assertThat(problems).extracting(Problem::text).contains(
                "FLOWCDI020: flow.worker.listen='sometimes' is not a boolean; use true or false");
        assertThat(problems).hasSize(2);
    }
}
