package io.iterativeflow.core.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses configured sizes in bytes: a whole number, optionally followed by a unit. {@code B}; {@code KB}, {@code MB},
 * {@code GB} and {@code KiB}, {@code MiB}, {@code GiB} (all powers of 1024, as the JVM's {@code -Xmx} counts); the
 * one-letter forms {@code K}, {@code M}, {@code G} mean the same. Case and a space before the unit do not matter.
 */
public final class Sizes {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");
    private static final String FORMS = "use a whole number of bytes, optionally with KB, MB, GB (or KiB, MiB,"
            + " GiB), such as 1048576, 512KB or 2MiB";

    private Sizes() {
    }

    /**
     * @throws IllegalArgumentException naming the accepted forms when {@code text} is none of them
     */
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a size is required; " + FORMS);
        }
        String value = text.trim();
        if (value.startsWith("-")) {
            throw new IllegalArgumentException("'" + text + "' is negative; sizes must be positive");
        }
        Matcher m = SIZE.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; " + FORMS);
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return amount * switch (unit.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
    }
}
