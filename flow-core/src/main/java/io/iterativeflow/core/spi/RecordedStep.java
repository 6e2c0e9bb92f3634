package io.iterativeflow.core.spi;

/**
 * The outcome of recording a step result. When {@code outcome} is {@code WRITTEN}, {@code resultJson} is the value
 * that is now recorded: the new one, or, if the step had already been recorded, the earlier value (record once).
 */
public record RecordedStep(WriteOutcome outcome, String resultJson) {
}
