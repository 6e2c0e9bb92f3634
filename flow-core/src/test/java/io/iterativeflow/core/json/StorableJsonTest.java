package io.iterativeflow.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableJsonTest {

    @Test
    void ordinary_text_escapes_and_surrogate_pairs_are_storable() {
        assertThat(StorableText.problem(null)).isNull();
        assertThat(StorableText.problem("tab\tand emoji \uD83D\uDE00")).isNull();
        assertThat(StorableJson.problem("{\"a\":[1,\"x\\u0041\\n\",{\"b\":\"\\ud83d\\ude00\"}],\"c\":null}")).isNull();
        assertThat(StorableJson.problem("\"a backslash then u0000: \\\\u0000\"")).isNull();
    }

    @Test
    void a_nul_character_is_found_raw_or_escaped_and_its_path_named() {
        assertThat(StorableText.problem("ab\0c")).contains("NUL character (U+0000) at position 2");
        assertThat(StorableJson.problem("\"a\\u0000\"")).startsWith("the text at $ holds a NUL character");
        assertThat(StorableJson.problem("{\"order\":{\"lines\":[\"ok\",\"x\\u0000\"]}}"))
                .startsWith("the text at $.order.lines[1] holds a NUL character");
        assertThat(StorableJson.problem("{\"a\":1,\"b\\u0000\":2}"))
                .startsWith("the field name in the object at $ holds a NUL character");
        assertThat(StorableJson.problem("{\"a\":1,\"odd key\":{\"c\":\"\0\"}}"))
                .startsWith("the text at $[\"odd key\"].c holds");
    }

    @Test
    void a_lone_surrogate_is_refused_as_not_a_character() {
        assertThat(StorableText.problem("x\uD800")).contains("lone UTF-16 surrogate (U+D800) at position 1");
        assertThat(StorableText.problem("\uDC00x")).contains("lone UTF-16 surrogate (U+DC00) at position 0");
        assertThat(StorableJson.problem("[\"\\udc00\"]")).startsWith("the text at $[0] holds a lone UTF-16");
    }

    @Test
    void field_names_that_are_not_plain_are_quoted_and_shortened_in_paths() {
        assertThat(JsonPaths.member("name_2")).isEqualTo(".name_2");
        assertThat(JsonPaths.member("a \"b\"")).isEqualTo("[\"a \\\"b\\\"\"]");
        assertThat(JsonPaths.member("\0")).isEqualTo("[\"\\u0000\"]");
        assertThat(JsonPaths.member("k".repeat(100))).hasSize(2 + 64 + 1 + 2);
    }
}
