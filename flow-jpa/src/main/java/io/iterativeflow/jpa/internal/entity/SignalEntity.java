package io.iterativeflow.jpa.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code workflow.signals}: a signal sent to a run, buffered until consumed. Read only. */
@Entity(name = "FlowSignal")
@Table(name = "signals", schema = "workflow")
@Immutable
public class SignalEntity {

    @Id
    private long id;
    @Column(name = "run_id")
    private UUID runId;
    private String name;
    @JdbcTypeCode(SqlTypes.JSON)
    private String payload;
    @Column(name = "dedup_key")
    private String dedupKey;
    private String status;
    @Column(name = "cursor_key")
    private String cursorKey;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "consumed_at")
    private Instant consumedAt;

    protected SignalEntity() {
    }

    public long id() { return id; }
    public UUID runId() { return runId; }
    public String name() { return name; }
    public String payload() { return payload; }
    public String dedupKey() { return dedupKey; }
    public String status() { return status; }
    public String cursorKey() { return cursorKey; }
    public Instant createdAt() { return createdAt; }
    public Instant consumedAt() { return consumedAt; }
}
