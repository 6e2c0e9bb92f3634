package io.iterativeflow.examples.hello;

/**
 * The output of a {@code greeting} run: the text that was sent, to whom, and the outbox's message id.
 */
public record Greeting(String to, String text, String messageId) {
}
