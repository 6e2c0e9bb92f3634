package io.iterativeflow.core.json;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;

/** The size caps' measure: bytes of a JSON text in UTF-8, counted without encoding it. */
public final class JsonSize {

    private JsonSize() {
    }

    /** Bytes of {@code json} in UTF-8; 0 for null (a null value is stored as SQL NULL). */
    public static long utf8Bytes(String json) {
        if (json == null) {
            return 0;
        }
        long bytes = 0;
        int length = json.length();
        for (int i = 0; i < length; i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(json.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Fails with {@code code} when {@code json} is larger than {@code maxBytes}.
     *
     * @param what names the value for the message, such as "the input of flow order@1"
     * @param key the configuration key that sets the cap
     */
    public static void check(String json, long maxBytes, FlowErrorCode code, String what, String key) {
        long bytes = utf8Bytes(json);
        if (bytes > maxBytes) {
            throw new FlowException(code, tooLarge(what, bytes, maxBytes, key));
        }
    }

    /** The message of a value over its cap: its size, the cap, the key, and what to do. */
    public static String tooLarge(String what, long bytes, long maxBytes, String key) {
        return what + " is " + bytes + " bytes as JSON, more than the " + maxBytes + " that " + key + " allows;"
                + " store large data elsewhere and pass a reference (an id or a URL), or raise " + key;
    }
}
