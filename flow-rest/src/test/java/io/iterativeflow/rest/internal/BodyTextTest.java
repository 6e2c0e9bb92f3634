package io.iterativeflow.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BodyTextTest {

    @Test
    void bodies_are_decoded_with_the_named_charset_and_utf_8_by_default() {
        byte[] utf8 = "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(BodyText.of(utf8, null)).isEqualTo("{\"a\":\"é\"}");
        assertThat(BodyText.of(utf8, "application/json; charset=\"UTF-8\"")).isEqualTo("{\"a\":\"é\"}");
        assertThat(BodyText.of("é".getBytes(StandardCharsets.ISO_8859_1), "application/json;CHARSET=iso-8859-1"))
                .isEqualTo("é");
        assertThat(BodyText.of(null, "application/json")).isEmpty();
    }

    @Test
    void an_unknown_charset_is_415_and_invalid_bytes_are_400() {
        assertThatThrownBy(() -> BodyText.of(new byte[] {'1'}, "application/json; charset=nonsense"))
                .isInstanceOfSatisfying(BodyProblem.class, e -> assertThat(e.status()).isEqualTo(415))
                .hasMessageContaining("'nonsense'");
        assertThatThrownBy(() -> BodyText.of(new byte[] {'1'}, "application/json; charset=\u0000%%"))
                .isInstanceOfSatisfying(BodyProblem.class, e -> assertThat(e.status()).isEqualTo(415))
                .message().doesNotContain("\u0000");
        assertThatThrownBy(() -> BodyText.of(new byte[] {'"', (byte) 0xC3, '"'}, "application/json"))
                .isInstanceOfSatisfying(BodyProblem.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void only_flows_and_runs_below_the_rest_root_are_the_modules_paths() {
        URI base = URI.create("http://h/app/api/");
        assertThat(ModulePaths.firstSegmentIsOurs(ModulePaths.relative(URI.create("http://h/app/api/runs/x"), base)))
                .isTrue();
        assertThat(ModulePaths.firstSegmentIsOurs(ModulePaths.relative(URI.create("http://h/app/api/flows"), base)))
                .isTrue();
        assertThat(ModulePaths.firstSegmentIsOurs("runs;a=b/x")).isTrue();
        assertThat(ModulePaths.firstSegmentIsOurs(ModulePaths.relative(URI.create("http://h/app/api/ping"), base)))
                .isFalse();
        assertThat(ModulePaths.firstSegmentIsOurs("runsx/1")).isFalse();
        assertThat(ModulePaths.firstSegmentIsOurs("")).isFalse();
    }

    @Test
    void container_pages_and_the_query_check_recognise_the_modules_paths_and_malformed_escapes() {
        assertThat(ModulePaths.anySegmentIsOurs("/app/api/runs/%2e%2e")).isTrue();
        assertThat(ModulePaths.anySegmentIsOurs("/app/flows;x=1/a")).isTrue();
        assertThat(ModulePaths.anySegmentIsOurs("/app/api/running")).isFalse();
        assertThat(QueryCheck.wellFormed("limit=5&tag=a%20b")).isTrue();
        assertThat(QueryCheck.wellFormed("limit=%zz")).isFalse();
        assertThat(QueryCheck.wellFormed("limit=%")).isFalse();
        assertThat(ContainerErrors.refusedUri(new IllegalStateException("x", new java.io.IOException(
                "CWWWC0005I: The request URI has invalid or improperly encoded characters")))).isTrue();
        assertThat(ContainerErrors.refusedUri(new IllegalStateException("other"))).isFalse();
        assertThat(ContainerErrors.refusedUri(null)).isFalse();
    }

    @Test
    void echoed_caller_text_is_shortened_and_its_control_characters_escaped() {
        assertThat(Answers.shown("a\u0000b\"")).isEqualTo("a\\u0000b\"");
        assertThat(Answers.shown("x".repeat(100))).hasSize(81);
    }
}
