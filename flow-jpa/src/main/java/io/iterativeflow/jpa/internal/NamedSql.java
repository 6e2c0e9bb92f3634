package io.iterativeflow.jpa.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * A statement written with {@code :name} parameters, translated once to JDBC's positional {@code ?} form. The store's
 * statements are constants (a few dozen texts), so each is parsed once per class loader and then looked up; texts that
 * vary with the input are not cached, so a caller cannot grow the cache.
 *
 * <p>The scanner passes over quoted literals and identifiers, comments and PostgreSQL's {@code ::} casts, so a colon
 * in {@code '...'} or in a cast never reads as a parameter.
 */
final class NamedSql {

    /** Above this many distinct texts the cache stops growing; such texts are parsed per call. */
    private static final int CACHE_LIMIT = 512;
    private static final Map<String, NamedSql> CACHE = new ConcurrentHashMap<>();

    private final String named;
    /** The text between parameters: {@code pieces.length == parameters.size() + 1}. */
    private final String[] pieces;
    private final List<String> parameters;
    private final String positional;

    private NamedSql(String named, String[] pieces, List<String> parameters) {
        this.named = named;
        this.pieces = pieces;
        this.parameters = List.copyOf(parameters);
        this.positional = expanded(name -> 1);
    }

    static NamedSql of(String sql) {
        NamedSql cached = CACHE.get(sql);
        if (cached != null) {
            return cached;
        }
        NamedSql parsed = parse(sql);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.putIfAbsent(sql, parsed);
        }
        return parsed;
    }

    /** The statement as written. */
    String named() {
        return named;
    }

    /** The parameter names in the order of their placeholders, a name once per occurrence. */
    List<String> parameters() {
        return parameters;
    }

    /** The statement with one {@code ?} per parameter occurrence. */
    String positional() {
        return positional;
    }

    /** The statement with {@code placeholders.applyAsInt(name)} comma-separated {@code ?} for each parameter. */
    String expanded(ToIntFunction<String> placeholders) {
        StringBuilder sql = new StringBuilder(named.length());
        for (int i = 0; i < parameters.size(); i++) {
            sql.append(pieces[i]);
            int count = placeholders.applyAsInt(parameters.get(i));
            for (int p = 0; p < count; p++) {
                sql.append(p == 0 ? "?" : ", ?");
            }
        }
        return sql.append(pieces[pieces.length - 1]).toString();
    }

    static NamedSql parse(String sql) {
        List<String> names = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(sql, i, c);
                piece.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? length : end;
                piece.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? length : end + 2;
                piece.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < length && sql.charAt(i + 1) == ':') {
                piece.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < length && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < length && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                pieces.add(piece.toString());
                piece.setLength(0);
                i = end;
            } else if (c == '?') {
                throw new IllegalArgumentException("a statement with named parameters must not use '?': " + sql);
            } else {
                piece.append(c);
                i++;
            }
        }
        pieces.add(piece.toString());
        return new NamedSql(sql, pieces.toArray(String[]::new), names);
    }

    /** The index after the literal or identifier that opens at {@code start}; a doubled quote stays inside. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
