package io.iterativeflow.core.json;

/**
 * What the store cannot keep as sent: the NUL character (U+0000), which PostgreSQL refuses in text and JSON, and a
 * lone UTF-16 surrogate, which no UTF-8 database can store. Both are refused where values enter the engine, on every
 * database alike, so that a caller's mistake is never taken for an outage.
 */
public final class StorableText {

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
}
