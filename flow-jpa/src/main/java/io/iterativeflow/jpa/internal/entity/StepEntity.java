package io.iterativeflow.jpa.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code workflow.steps}: one recorded history entry of a run. Read only. */
@Entity(name = "FlowStep")
@Table(name = "steps", schema = "workflow")
@IdClass(RowKey.class)
@Immutable
public class StepEntity {

    @Id
    @Column(name = "run_id")
    private UUID runId;
    @Id
    @Column(name = "cursor_key")
    private String cursorKey;
    private String name;
    private String kind;
    private String status;
    private int attempts;
    @JdbcTypeCode(SqlTypes.JSON)
    private String result;
    @Column(name = "error_code")
    private String errorCode;
    @Column(name = "error_message")
    private String errorMessage;
    private int position;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected StepEntity() {
    }

    public UUID runId() { return runId; }
    public String cursorKey() { return cursorKey; }
    public String name() { return name; }
    public String kind() { return kind; }
    public String status() { return status; }
    public int attempts() { return attempts; }
    public String result() { return result; }
    public String errorCode() { return errorCode; }
    public String errorMessage() { return errorMessage; }
    public int position() { return position; }
    public Instant createdAt() { return createdAt; }
    public Instant finishedAt() { return finishedAt; }
}
