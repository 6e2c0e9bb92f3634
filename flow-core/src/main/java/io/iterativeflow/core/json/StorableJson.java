package io.iterativeflow.core.json;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds, in a JSON text that JSON-B wrote, the first string or field name the store cannot keep (see
 * {@link StorableText}), and names where it is as a JSON path ({@code $.customer.name}, {@code $.lines[2]}).
 */
public final class StorableJson {

    /** The place of a field name not read yet. */
    private static final Object PENDING = new Object();

    private final String json;
    private final Deque<Object> path = new ArrayDeque<>();
    private int at;

    private StorableJson(String json) {
        this.json = json;
    }

    /** Why {@code json} cannot be stored, such as "the text at $.name holds a NUL character ..."; null if it can. */
    public static String problem(String json) {
        return json == null ? null : new StorableJson(json).scan();
    }

    private String scan() {
        boolean keyNext = false;
        while (at < json.length()) {
            char c = json.charAt(at++);
            switch (c) {
                case '{' -> {
                    path.push(PENDING);
                    keyNext = true;
                }
                case '[' -> path.push(0);
                case '}', ']' -> path.poll();
                case ',' -> {
                    Object last = path.poll();
                    path.push(last instanceof Integer index ? index + 1 : PENDING);
                    keyNext = !(last instanceof Integer);
                }
                case '"' -> {
                    boolean key = keyNext;
                    keyNext = false;
                    String text = string();
                    String problem = StorableText.problem(text);
                    if (problem != null) {
                        return "the " + (key ? "field name in the object at " : "text at ") + where() + " " + problem;
                    }
                    if (key) {
                        path.poll();
                        path.push(text);
                    }
                }
                default -> {
                    // numbers, literals, ':' and white space carry no text
                }
            }
        }
        return null;
    }

    /** The string that starts at {@code at} (after its opening quote), escapes resolved; leaves {@code at} after it. */
    private String string() {
        StringBuilder text = new StringBuilder();
        while (at < json.length()) {
            char c = json.charAt(at++);
            if (c == '"') {
                break;
            }
            if (c != '\\' || at >= json.length()) {
                text.append(c);
                continue;
            }
            char escaped = json.charAt(at++);
            switch (escaped) {
                case 'u' -> {
                    text.append(hex(json.substring(at, Math.min(at + 4, json.length()))));
                    at += 4;
                }
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                default -> text.append(escaped);
            }
        }
        return text.toString();
    }

    private static char hex(String digits) {
        try {
            return (char) Integer.parseInt(digits, 16);
        } catch (NumberFormatException e) {
            return '?'; // not JSON that JSON-B wrote; the store's own parser will refuse it
        }
    }

    private String where() {
        StringBuilder where = new StringBuilder("$");
        path.descendingIterator().forEachRemaining(step -> where.append(step instanceof Integer index
                ? JsonPaths.index(index) : step instanceof String name ? JsonPaths.member(name) : ""));
        return where.toString();
    }
}
