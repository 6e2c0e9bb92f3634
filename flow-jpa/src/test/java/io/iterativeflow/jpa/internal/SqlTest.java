package io.iterativeflow.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void a_text_array_literal_quotes_every_element() {
        assertThat(Sql.textArray(List.of())).isEqualTo("{}");
        assertThat(Sql.textArray(List.of("a", "b c"))).isEqualTo("{\"a\",\"b c\"}");
        assertThat(Sql.textArray(List.of("q\"uote", "back\\slash"))).isEqualTo("{\"q\\\"uote\",\"back\\\\slash\"}");
    }

    @Test
    void every_time_expression_starts_from_the_database_clock() {
        assertThat(Sql.NOW).startsWith("(now() + :offsetMs");
        assertThat(Sql.nowPlus("leaseMs")).contains(Sql.NOW).contains(":leaseMs");
    }
}
