package io.iterativeflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CursorKeysTest {

    @Test
    void first_occurrence_is_the_base_and_later_ones_are_numbered() {
        CursorKeys keys = new CursorKeys();
        assertThat(keys.next("charge")).isEqualTo("charge");
        assertThat(keys.next("charge")).isEqualTo("charge:1");
        assertThat(keys.next("charge")).isEqualTo("charge:2");
    }

    @Test
    void each_base_counts_on_its_own() {
        CursorKeys keys = new CursorKeys();
        assertThat(keys.next("a")).isEqualTo("a");
        assertThat(keys.next("sleep")).isEqualTo("sleep");
        assertThat(keys.next("a")).isEqualTo("a:1");
        assertThat(keys.next("sleep")).isEqualTo("sleep:1");
    }

    @Test
    void a_new_attempt_starts_counting_again_so_replay_yields_the_same_keys() {
        CursorKeys first = new CursorKeys();
        CursorKeys replay = new CursorKeys();
        for (String base : new String[] {"x", "y", "x", "x", "y"}) {
            assertThat(replay.next(base)).isEqualTo(first.next(base));
        }
    }
}
