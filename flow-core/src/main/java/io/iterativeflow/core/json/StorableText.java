package io.iterativeflow.core.json;

/**
 * What the store cannot keep as sent: the NUL character (U+0000), which PostgreSQL refuses in {@code text} columns
 * and, as its JSON escape {@code \u0000}, in {@code jsonb}; and a lone UTF-16 surrogate, which no UTF-8 database can
 * store. Both are refused where values enter the engine, on every database alike, so that a caller's mistake is
 * never taken for an outage; a step's own result or error is checked before it is written.
 */
public final class StorableText {

    private static final String ESCAPE = "\\u0000";

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, such as "holds a NUL character (U+0000) at position 3"; null if it can. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "holds a NUL character (U+0000) at position " + i + "; remove it";
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds a lone UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                        + ") at position " + i + ", which is not a character; send valid Unicode text";
            }
        }
        return null;
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
