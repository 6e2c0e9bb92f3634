package io.iterativeflow.jpa.internal.entity;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The primary key {@code (run_id, cursor_key)} shared by steps and timers. */
public class RowKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private UUID runId;
    private String cursorKey;

    protected RowKey() {
    }

    public RowKey(UUID runId, String cursorKey) {
        this.runId = runId;
        this.cursorKey = cursorKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowKey key && Objects.equals(runId, key.runId)
                && Objects.equals(cursorKey, key.cursorKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(runId, cursorKey);
    }
}
