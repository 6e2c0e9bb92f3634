package io.iterativeflow.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"250ms,PT0.25S", "30s,PT30S", "5m,PT5M", "2h,PT2H", "3d,PT72H", "PT30S,PT30S", "pt1m,PT1M",
        "P1D,PT24H", " 10s ,PT10S", "0s,PT0S"})
    void short_and_iso_forms_are_understood(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "10", "5 minutes", "-5s", "PT-5S", "1w"})
    void anything_else_is_refused_with_the_accepted_forms_named(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(?s).*(30s|negative|required).*");
    }
}
