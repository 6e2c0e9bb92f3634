package io.iterativeflow.examples.hello;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.iterativeflow.api.PermanentFailureException;

/** The greetings the example knows. Pure functions: safe to call from steps. */
public final class Phrasebook {

    static final String DEFAULT_LANGUAGE = "en";

    private static final Map<String, String> GREETINGS = Map.of(
            "en", "Hello, %s!",
            "de", "Hallo, %s!",
            "fr", "Bonjour, %s !",
            "es", "¡Hola, %s!",
            "it", "Ciao, %s!");

    private Phrasebook() {
    }

    public static Set<String> languages() {
        return new TreeSet<>(GREETINGS.keySet());
    }

    /**
     * The request with its name trimmed and its language defaulted. An invalid request fails permanently: trying
     * the step again cannot make it valid.
     */
    static GreetingRequest checked(GreetingRequest request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > GreetingRequest.MAX_NAME_LENGTH) {
            throw new PermanentFailureException("name must be 1 to " + GreetingRequest.MAX_NAME_LENGTH
                    + " characters, got '" + request.name() + "'");
        }
        String language = request.language() == null || request.language().isBlank()
                ? DEFAULT_LANGUAGE
                : request.language().strip().toLowerCase(Locale.ROOT);
        if (!GREETINGS.containsKey(language)) {
            throw new PermanentFailureException("language '" + request.language() + "' is not supported; use one of "
                    + languages());
        }
        return new GreetingRequest(name, language);
    }

    static String compose(GreetingRequest checked) {
        return String.format(GREETINGS.get(checked.language()), checked.name());
    }
}
