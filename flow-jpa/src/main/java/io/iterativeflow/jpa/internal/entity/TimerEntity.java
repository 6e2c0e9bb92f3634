package io.iterativeflow.jpa.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A row of {@code workflow.timers}: a sleep, a retry back-off or a wait timeout. Read only. */
@Entity(name = "FlowTimer")
@Table(name = "timers", schema = "workflow")
@IdClass(RowKey.class)
@Immutable
public class TimerEntity {

    @Id
    @Column(name = "run_id")
    private UUID runId;
    @Id
    @Column(name = "cursor_key")
    private String cursorKey;
    private String kind;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "fired_at")
    private Instant firedAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected TimerEntity() {
    }

    public UUID runId() { return runId; }
    public String cursorKey() { return cursorKey; }
    public String kind() { return kind; }
    public Instant dueAt() { return dueAt; }
    public Instant firedAt() { return firedAt; }
    public Instant createdAt() { return createdAt; }
}
