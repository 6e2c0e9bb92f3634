package io.iterativeflow.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void json_with_a_nul_escape_or_a_raw_nul_is_found() {
        assertThat(StorableText.jsonHasNul("\"a\\u0000b\"")).isTrue();
        assertThat(StorableText.jsonHasNul("{\"k\":\"\\\\\\u0000\"}")).isTrue();
        assertThat(StorableText.jsonHasNul("\"a\u0000b\"")).isTrue();
    }

    @Test
    void an_escaped_backslash_before_u0000_is_text_not_a_nul() {
        assertThat(StorableText.jsonHasNul("\"C:\\\\u0000\"")).isFalse();
        assertThat(StorableText.jsonHasNul("\"\\u00001\"".replace("\\u0000", "\\u0001"))).isFalse();
        assertThat(StorableText.jsonHasNul(null)).isFalse();
    }

    @Test
    void a_nul_in_text_is_written_as_its_escape() {
        assertThat(StorableText.withoutNul("bad \u0000 byte")).isEqualTo("bad \\u0000 byte");
        assertThat(StorableText.withoutNul("clean")).isEqualTo("clean");
        assertThat(StorableText.withoutNul(null)).isNull();
    }
}
