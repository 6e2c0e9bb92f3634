package io.iterativeflow.core.spi;

/** One durable operation a run recorded: its cursor key and kind ({@code step}, {@code sleep}, {@code now}, …). */
public record RecordedKey(String cursorKey, String kind) {
}
