package io.iterativeflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyPartsTest {

    @Test
    void the_first_occurrence_has_no_suffix_and_later_ones_are_numbered() {
        assertThat(KeyParts.parse("charge", "step")).isEqualTo(new KeyParts("charge", 0, true));
        assertThat(KeyParts.parse("charge:12", "step")).isEqualTo(new KeyParts("charge", 12, true));
    }

    @Test
    void numeric_names_are_names_and_only_the_suffix_counts() {
        assertThat(KeyParts.parse("7", "step")).isEqualTo(new KeyParts("7", 0, true));
        assertThat(KeyParts.parse("7:1", "step")).isEqualTo(new KeyParts("7", 1, true));
        assertThat(KeyParts.parse("007:3", "step")).isEqualTo(new KeyParts("007", 3, true));
    }

    @Test
    void suffixes_the_engine_never_produces_are_not_occurrences() {
        assertThat(KeyParts.parse("charge:0", "step")).isEqualTo(new KeyParts("charge:0", 0, false));
        assertThat(KeyParts.parse("charge:01", "step")).isEqualTo(new KeyParts("charge:01", 0, false));
        assertThat(KeyParts.parse("charge:x", "step").canonical()).isFalse();
    }

    @Test
    void the_prefix_of_signal_and_invoke_bases_is_never_taken_for_a_suffix() {
        assertThat(KeyParts.parse("signal:1", "signal")).isEqualTo(new KeyParts("signal:1", 0, true));
        assertThat(KeyParts.parse("signal:1:2", "signal")).isEqualTo(new KeyParts("signal:1", 2, true));
        assertThat(KeyParts.parse("invoke:billing@2:3", "invoke"))
                .isEqualTo(new KeyParts("invoke:billing@2", 3, true));
        assertThat(KeyParts.parse("step:1", "step")).isEqualTo(new KeyParts("step", 1, true));
    }

    @Test
    void parsing_gives_back_the_key_cursor_keys_produce() {
        CursorKeys keys = new CursorKeys();
        for (String base : new String[] {"a", "1", "a", "1", "a"}) {
            String key = keys.next(base);
            assertThat(KeyParts.parse(key, "step").key()).isEqualTo(key);
            assertThat(KeyParts.parse(key, "step").base()).isEqualTo(base);
        }
    }
}
