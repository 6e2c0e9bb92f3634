package io.iterativeflow.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class StrictJsonTest {

    @Test
    void one_json_value_of_any_kind_is_read() {
        assertThat(StrictJson.read(" {\"a\": [1, 2.5, \"x\", true, null]} ").asJsonObject().getJsonArray("a"))
                .hasSize(5);
        assertThat(StrictJson.read("\"text\"").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
        assertThat(StrictJson.read("null")).isEqualTo(JsonValue.NULL);
        assertThat(StrictJson.read("[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH))
                .getValueType()).isEqualTo(JsonValue.ValueType.ARRAY);
        assertThat(StrictJson.read("1e308")).isNotNull();
        assertThat(StrictJson.read("4.9e-324")).isNotNull();
    }

    @Test
    void content_after_the_value_is_refused() {
        expect("{\"a\":1}{\"b\":2}", "goes on after its JSON value");
        expect("[1] x", "goes on after its JSON value");
        expect("1 2", "goes on after its JSON value");
    }

    @Test
    void invalid_or_truncated_json_is_refused_with_its_position() {
        expect("{not json", "not valid JSON at line 1, column");
        expect("{\"a\":", "not valid JSON");
        expect("", "empty");
        expect("[1,]", "not valid JSON");
    }

    @Test
    void nesting_beyond_the_limit_is_refused_without_exhausting_the_stack() {
        expect("[".repeat(10_000), "more than 100 levels deep");
        expect("{\"a\":".repeat(5_000), "more than 100 levels deep");
    }

    @Test
    void numbers_beyond_the_range_of_a_double_or_too_long_are_refused_with_their_path() {
        expect("{\"a\":[0, 1e99999]}", "the number 1e99999 at $.a[1] is out of range");
        expect("[1e-99999]", "at $[0] is out of range");
        expect("-1e309", "out of range");
        expect("1" + "0".repeat(500), "has 501 characters");
    }

    @Test
    void text_with_a_nul_or_a_lone_surrogate_is_refused_with_its_path() {
        expect("{\"a\":{\"b\":[\"ok\",\"x\\u0000\"]}}", "the text at $.a.b[1] holds a NUL character");
        expect("{\"k\\u0000\":1}", "the field name in the object at $ holds a NUL character");
        expect("[{\"a\":1},{\"b\":\"\\ud800\"}]", "the text at $[1].b holds a lone UTF-16 surrogate");
    }

    private static void expect(String body, String text) {
        assertThatThrownBy(() -> StrictJson.read(body)).isInstanceOf(BodyProblem.class).hasMessageContaining(text);
    }
}
