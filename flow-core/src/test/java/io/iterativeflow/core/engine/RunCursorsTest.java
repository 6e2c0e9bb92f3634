package io.iterativeflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.RunPosition;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunCursorsTest {

    private final RunPosition position = new RunPosition(Instant.parse("2026-11-30T12:34:56.123456Z"),
            UUID.fromString("0b7e4f1c-5d2a-4e8b-9a61-3c2f7d8e9a10"));

    @Test
    void a_cursor_gives_back_the_position_it_was_made_from_to_the_microsecond() {
        String cursor = RunCursors.encode(position);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(RunCursors.decode(cursor)).isEqualTo(position);
    }

    @Test
    void changing_any_byte_of_a_cursor_is_detected() {
        byte[] raw = Base64.getUrlDecoder().decode(RunCursors.encode(position));
        for (int i = 0; i < raw.length; i++) {
            byte[] altered = raw.clone();
            altered[i] ^= 0x01;
            String bad = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertThatThrownBy(() -> RunCursors.decode(bad)).isInstanceOfSatisfying(FlowException.class,
                    e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID))
                    .hasMessageContaining("nextCursor unchanged");
        }
    }

    @Test
    void text_that_is_not_base64_or_too_short_is_refused() {
        for (String bad : new String[] {"", "%%%", "AAAA", RunCursors.encode(position) + "A"}) {
            assertThatThrownBy(() -> RunCursors.decode(bad)).isInstanceOf(FlowException.class);
        }
    }
}
