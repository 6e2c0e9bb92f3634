package io.iterativeflow.core.spi;

/** A step's successful result, to record once. {@code position} is the step's index in this attempt's history. */
public record StepCompletion(String cursorKey, String name, String kind, int attempts, String resultJson,
        int position) {
}
