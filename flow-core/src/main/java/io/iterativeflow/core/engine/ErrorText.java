package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.json.StorableText;
import java.util.regex.Pattern;

/**
 * The text of a failure as it is stored and shown to clients: the message only, never a Java class name (those go to
 * the log), cut to a bounded length and storable (a NUL character is written as {@code \u0000}).
 */
final class ErrorText {

    private static final int MAX_LENGTH = 2000;
    /** A qualified class name at the start, as {@code Throwable.toString()} and {@code new X(cause)} write it. */
    private static final Pattern CLASS_PREFIX = Pattern.compile("^\\s*(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?::\\s*|$)");

    private ErrorText() {
    }

    /** The message of {@code failure} or of the first cause that has one, without class names. */
    static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = t instanceof FlowException ? t.getMessage() : withoutClassNames(t.getMessage());
            if (text != null && !text.isBlank()) {
                return storable(text);
            }
        }
        return "it threw an exception without a message (see the log)";
    }

    /** {@code text} cut to a bounded length, with NUL characters escaped. */
    static String storable(String text) {
        String clean = StorableText.withoutNul(text);
        return clean != null && clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) + "…" : clean;
    }

    private static String withoutClassNames(String message) {
        if (message == null) {
            return null;
        }
        String text = message;
        for (String stripped = strip(text); !stripped.equals(text); stripped = strip(text)) {
            text = stripped;
        }
        return text.trim();
    }

    private static String strip(String text) {
        return CLASS_PREFIX.matcher(text).replaceFirst("");
    }
}
