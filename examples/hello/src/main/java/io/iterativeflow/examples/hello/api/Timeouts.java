package io.iterativeflow.examples.hello.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;

/** Parses the {@code timeout} query parameter: {@code 500ms}, {@code 5s}, {@code 1m} or ISO-8601 ({@code PT5S}). */
final class Timeouts {

    /** A request thread waits at most this long. */
    static final Duration MAX = Duration.ofSeconds(60);

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m)");

    private Timeouts() {
    }

    static Duration parse(String text) {
        Duration timeout = parseOrNull(text == null ? "" : text.strip());
        if (timeout == null || timeout.isNegative() || timeout.compareTo(MAX) > 0) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "timeout must be between 0s and "
                    + MAX.toSeconds() + "s, written like 500ms, 5s, 1m or PT5S; got '" + text + "'");
        }
        return timeout;
    }

    private static Duration parseOrNull(String text) {
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
