package io.iterativeflow.core.engine;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cursor key taken apart: its base and its occurrence ({@code charge} is occurrence 0 of {@code charge},
 * {@code charge:2} occurrence 2). Only the forms {@link CursorKeys} produces are canonical: the first occurrence has no
 * suffix and later ones a suffix without leading zeros, so {@code charge:0} and {@code charge:01} are not keys of
 * {@code charge} (they can never be asked for again). Names may be numeric ({@code 7}, {@code 7:1}); the bases of
 * signals and child flows carry a prefix ({@code signal:7}, {@code invoke:billing@2}), which is never taken for an
 * occurrence suffix.
 *
 * @param canonical false when the key has a suffix that {@link CursorKeys} never produces
 */
record KeyParts(String base, int occurrence, boolean canonical) {

    /** Kinds whose base is {@code kind:<name>}. */
    private static final Set<String> PREFIXED = Set.of("signal", "invoke");
    /** The suffixes {@link CursorKeys} produces: 1, 2, … without leading zeros. */
    private static final Pattern OCCURRENCE = Pattern.compile("[1-9][0-9]{0,8}");

    static KeyParts parse(String key, String kind) {
        int prefix = PREFIXED.contains(kind) && key.startsWith(kind + ":") ? kind.length() + 1 : 0;
        int colon = key.indexOf(':', prefix);
        if (colon < 0) {
            return new KeyParts(key, 0, true);
        }
        String base = key.substring(0, colon);
        String suffix = key.substring(colon + 1);
        if (!OCCURRENCE.matcher(suffix).matches()) {
            return new KeyParts(key, 0, false);
        }
        return new KeyParts(base, Integer.parseInt(suffix), true);
    }

    /** The key {@link CursorKeys} gives this occurrence of the base. */
    String key() {
        return occurrence == 0 ? base : base + ":" + occurrence;
    }
}
