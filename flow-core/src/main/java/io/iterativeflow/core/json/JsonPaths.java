package io.iterativeflow.core.json;

import java.util.regex.Pattern;

/** The steps of a JSON path as messages show them: {@code $.order.lines[2]}, {@code $["odd key"]}. */
public final class JsonPaths {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private JsonPaths() {
    }

    /** {@code .name} for a plain field name, {@code ["..."]} for any other (shortened, control characters escaped). */
    public static String member(String name) {
        if (PLAIN.matcher(name).matches()) {
            return "." + name;
        }
        String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        StringBuilder quoted = new StringBuilder("[\"");
        shown.chars().forEach(c -> quoted.append(c == '"' || c == '\\' ? "\\" + (char) c
                : c < 0x20 || Character.isSurrogate((char) c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return quoted.append("\"]").toString();
    }

    public static String index(int index) {
        return "[" + index + "]";
    }
}
