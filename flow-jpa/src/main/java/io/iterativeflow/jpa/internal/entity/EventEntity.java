package io.iterativeflow.jpa.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A row of {@code workflow.events}: one transition of a run's audit trail (never a payload). Read only. */
@Entity(name = "FlowEvent")
@Table(name = "events", schema = "workflow")
@Immutable
public class EventEntity {

    @Id
    private long id;
    @Column(name = "run_id")
    private UUID runId;
    private String type;
    private int attempt;
    @Column(name = "cursor_key")
    private String cursorKey;
    private String detail;
    private Instant at;
    private String actor;

    protected EventEntity() {
    }

    public long id() { return id; }
    public UUID runId() { return runId; }
    public String type() { return type; }
    public int attempt() { return attempt; }
    public String cursorKey() { return cursorKey; }
    public String detail() { return detail; }
    public Instant at() { return at; }
    public String actor() { return actor; }
}
