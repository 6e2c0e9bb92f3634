package io.iterativeflow.examples.hello;

/**
 * What a client asks for: a greeting for {@code name} in {@code language} ({@code en} when missing).
 *
 * @param name     who is greeted, 1 to {@value #MAX_NAME_LENGTH} characters
 * @param language one of {@link Phrasebook#languages()}
 */
public record GreetingRequest(String name, String language) {

    public static final int MAX_NAME_LENGTH = 100;
}
