package io.iterativeflow.core.spi;

/**
 * One row of a run's recorded history ({@code steps} table). {@code status} is {@code completed}, {@code retrying}
 * (failed, waiting for its next try) or {@code failed} (for good).
 */
public record HistoryEntry(
        String cursorKey,
        String name,
        String kind,
        String status,
        int attempts,
        String resultJson,
        String errorCode,
        String errorMessage) {

    public boolean completed() {
        return "completed".equals(status);
    }
}
