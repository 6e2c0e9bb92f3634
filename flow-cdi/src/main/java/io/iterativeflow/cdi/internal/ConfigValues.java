package io.iterativeflow.cdi.internal;

import io.iterativeflow.cdi.FlowConfigKeys;
import io.iterativeflow.core.config.Durations;
import io.iterativeflow.core.config.Sizes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed values from a key lookup. A value that cannot be read or parsed adds a problem naming the key, the
 * value and the accepted forms, and yields the default, so that one pass finds every bad key.
 */
final class ConfigValues {

    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "on");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "n", "off");

    private final Function<String, Optional<String>> lookup;
    private final List<Problem> problems;

    ConfigValues(Function<String, Optional<String>> lookup, List<Problem> problems) {
        this.lookup = lookup;
        this.problems = problems;
    }

    Optional<String> text(String key) {
        try {
            return lookup.apply(key).map(String::trim).filter(value -> !value.isEmpty());
        } catch (RuntimeException e) {
            problems.add(Messages.configInvalid(key + " cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    int integer(String key, int fallback) {
        return text(key).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                return invalid(key, value, "is not a whole number; use digits only, such as " + fallback, fallback);
            }
        }).orElse(fallback);
    }

    Duration duration(String key, Duration fallback) {
        return text(key).map(value -> {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                return invalid(key, value, "is not a duration; use a number with ms, s, m, h or d (250ms, 30s,"
                        + " 5m, 3d) or ISO-8601 (PT30S)", fallback);
            }
        }).orElse(fallback);
    }

    /** A duration, or empty when the value is {@value FlowConfigKeys#NONE}. */
    Optional<Duration> durationOrNone(String key, Duration fallback) {
        Optional<String> value = text(key);
        if (value.isPresent() && value.get().equalsIgnoreCase(FlowConfigKeys.NONE)) {
            return Optional.empty();
        }
        return Optional.of(value.map(v -> {
            try {
                return Durations.parse(v);
            } catch (IllegalArgumentException e) {
                return invalid(key, v, "is not a duration; use a number with ms, s, m, h or d (250ms, 30s, 5m,"
                        + " 3d), ISO-8601 (PT30S), or none to disable it", fallback);
            }
        }).orElse(fallback));
    }

    /** A size in bytes ({@code 1048576}, {@code 512KB}, {@code 2MiB}); see {@link Sizes}. */
    long size(String key, long fallback) {
        return text(key).map(value -> {
            try {
                return Sizes.parse(value);
            } catch (IllegalArgumentException e) {
                return invalid(key, value, "is not a size; use a whole number of bytes, optionally with KB, MB or GB"
                        + " (1048576, 512KB, 2MiB)", fallback);
            }
        }).orElse(fallback);
    }

    /** A duration, or empty when the key is not set. */
    Optional<Duration> optionalDuration(String key) {
        return text(key).flatMap(value -> {
            try {
                return Optional.of(Durations.parse(value));
            } catch (IllegalArgumentException e) {
                return invalid(key, value, "is not a duration; use a number with ms, s, m, h or d (30s, 12h, 30d)"
                        + " or ISO-8601 (P30D), or leave the key unset to turn it off", Optional.empty());
            }
        });
    }

    boolean bool(String key, boolean fallback) {
        return text(key).map(value -> {
            String lower = value.toLowerCase(Locale.ROOT);
            if (TRUE.contains(lower)) {
                return true;
            }
            return FALSE.contains(lower) ? false : invalid(key, value, "is not a boolean; use true or false",
                    fallback);
        }).orElse(fallback);
    }

    private <T> T invalid(String key, String value, String why, T fallback) {
        problems.add(Messages.configInvalid(key + "='" + value + "' " + why));
        return fallback;
    }
}
