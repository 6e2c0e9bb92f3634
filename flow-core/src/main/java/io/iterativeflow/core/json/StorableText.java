package io.iterativeflow.core.json;

/**
 * What the store can keep. PostgreSQL refuses the NUL character (U+0000) in {@code text} columns and its JSON escape
 * {@code \u0000} in {@code jsonb}; such a value would fail every write of it, on every try.
 */
public final class StorableText {

    private static final String ESCAPE = "\\u0000";

    private StorableText() {
    }

    /** Whether this JSON text holds a NUL character, raw or as the escape {@code \u0000}. */
    public static boolean jsonHasNul(String json) {
        if (json == null) {
            return false;
        }
        if (json.indexOf('\u0000') >= 0) {
            return true;
        }
        for (int at = json.indexOf(ESCAPE); at >= 0; at = json.indexOf(ESCAPE, at + 1)) {
            if (escapes(json, at)) {
                return true;
            }
        }
        return false;
    }

    /** The text with each NUL character written as the six characters {@code \u0000}; null stays null. */
    public static String withoutNul(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", ESCAPE);
    }

    /** An odd run of backslashes ending at {@code at} starts an escape; an even one is escaped backslashes. */
    private static boolean escapes(String json, int at) {
        int backslashes = 0;
        for (int i = at; i >= 0 && json.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
