package io.iterativeflow.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The signals a flow definition declares, as collected by its builder; immutable. */
final class SignalDeclarations {

    static final SignalDeclarations NONE = new SignalDeclarations(List.of());

    private record Declaration(String name, TypeRef<?> type) {
    }

    private final List<Declaration> declarations;

    private SignalDeclarations(List<Declaration> declarations) {
        this.declarations = List.copyOf(declarations);
    }

    /** A copy with one more declaration; the name is checked here, conflicts at {@link #resolve}. */
    SignalDeclarations plus(String flow, String name, TypeRef<?> type) {
        checkName(flow, name);
        if (type == null) {
            throw new IllegalArgumentException("flow '" + flow + "': signal '" + name + "' needs a payload type");
        }
        List<Declaration> more = new ArrayList<>(declarations);
        more.add(new Declaration(name, type));
        return new SignalDeclarations(more);
    }

    /**
     * The declared payload type by signal name.
     *
     * @throws IllegalArgumentException when one name is declared with two different types
     */
    Map<String, TypeRef<?>> resolve(String flow) {
        Map<String, TypeRef<?>> byName = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (Declaration d : declarations) {
            TypeRef<?> earlier = byName.putIfAbsent(d.name(), d.type());
            if (earlier != null && !earlier.equals(d.type())) {
                conflicts.add("signal '" + d.name() + "' is declared as " + earlier + " and as " + d.type());
            }
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException("flow '" + flow + "': " + String.join("; ", conflicts)
                    + "; declare each signal name once, with one payload type");
        }
        return Collections.unmodifiableMap(byName);
    }

    /** Signal names follow the rules of step names: the engine builds cursor keys from them. */
    static String checkName(String flow, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("flow '" + flow + "': signal name must not be null or blank");
        }
        if (name.length() > 200) {
            throw new IllegalArgumentException("flow '" + flow + "': signal name is " + name.length()
                    + " characters long; at most 200 are allowed");
        }
        if (name.indexOf(':') >= 0 || name.indexOf('#') >= 0) {
            throw new IllegalArgumentException("flow '" + flow + "': signal name '" + name + "' must not contain"
                    + " ':' or '#'");
        }
        return name;
    }
}
