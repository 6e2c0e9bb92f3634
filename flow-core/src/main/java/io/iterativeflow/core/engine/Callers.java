package io.iterativeflow.core.engine;

import io.iterativeflow.core.spi.NewRun;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who calls the engine: the name of the caller principal the identity source reports (see
 * {@link EngineBuilder#identity}), read once per call ({@code start}, {@code startAll}, {@code signal},
 * {@code signalAll}, {@code cancel}, {@code retry}). A blank name is none. The name is the container's, not the
 * API caller's input, so a name is never refused: NUL characters (which the database cannot hold) are dropped and a
 * name longer than {@link NewRun#MAX_STARTED_BY_LENGTH} characters is cut to that length.
 */
final class Callers {

    static final Callers NONE = new Callers(Optional::empty);

    private final Supplier<Optional<String>> source;

    Callers(Supplier<Optional<String>> source) {
        this.source = source;
    }

    /** The current caller's name, cleaned as the class says; empty for none. */
    Optional<String> current() {
        Optional<String> name = source.get();
        return name == null ? Optional.empty() : name.flatMap(Callers::clean);
    }

    static Optional<String> clean(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String cleaned = name.indexOf('\0') >= 0 ? name.replace("\0", "") : name;
        if (cleaned.isBlank()) {
            return Optional.empty();
        }
        int max = NewRun.MAX_STARTED_BY_LENGTH;
        if (cleaned.length() > max) {
            int end = Character.isHighSurrogate(cleaned.charAt(max - 1)) ? max - 1 : max;
            cleaned = cleaned.substring(0, end);
        }
        return Optional.of(cleaned);
    }
}
