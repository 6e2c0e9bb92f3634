package io.iterativeflow.core.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives each durable operation of one attempt its cursor key: the first occurrence of a base is {@code base}, later
 * ones {@code base:1}, {@code base:2}. The same code path therefore always yields the same keys.
 */
final class CursorKeys {

    private final Map<String, Integer> seen = new HashMap<>();

    String next(String base) {
        int occurrence = seen.merge(base, 1, Integer::sum) - 1;
        return occurrence == 0 ? base : base + ":" + occurrence;
    }
}
