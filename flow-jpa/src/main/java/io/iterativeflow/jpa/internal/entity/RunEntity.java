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

/** A row of {@code workflow.runs}. Read only: every write goes through the store's SQL. */
@Entity(name = "FlowRun")
@Table(name = "runs", schema = "workflow")
@Immutable
public class RunEntity {

    @Id
    private UUID id;
    @Column(name = "flow_name")
    private String flowName;
    @Column(name = "flow_version")
    private int flowVersion;
    private String status;
    @JdbcTypeCode(SqlTypes.JSON)
    private String input;
    @JdbcTypeCode(SqlTypes.JSON)
    private String output;
    @Column(name = "error_code")
    private String errorCode;
    @Column(name = "error_message")
    private String errorMessage;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] tags;
    private int priority;
    private int attempts;
    @Column(name = "available_at")
    private Instant availableAt;
    @Column(name = "lease_owner")
    private String leaseOwner;
    @Column(name = "lease_expires_at")
    private Instant leaseExpiresAt;
    @Column(name = "wait_kind")
    private String waitKind;
    @Column(name = "wait_key")
    private String waitKey;
    @Column(name = "parent_run_id")
    private UUID parentRunId;
    @Column(name = "parent_key")
    private String parentKey;
    private int depth;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "started_by")
    private String startedBy;

    protected RunEntity() {
    }

    public UUID id() { return id; }
    public String flowName() { return flowName; }
    public int flowVersion() { return flowVersion; }
    public String status() { return status; }
    public String input() { return input; }
    public String output() { return output; }
    public String errorCode() { return errorCode; }
    public String errorMessage() { return errorMessage; }
    public String idempotencyKey() { return idempotencyKey; }
    public String[] tags() { return tags == null ? new String[0] : tags.clone(); }
    public int priority() { return priority; }
    public int attempts() { return attempts; }
    public Instant availableAt() { return availableAt; }
    public String leaseOwner() { return leaseOwner; }
    public Instant leaseExpiresAt() { return leaseExpiresAt; }
    public String waitKind() { return waitKind; }
    public String waitKey() { return waitKey; }
    public UUID parentRunId() { return parentRunId; }
    public String startedBy() { return startedBy; }
    public String parentKey() { return parentKey; }
    public int depth() { return depth; }
    public String cancelReason() { return cancelReason; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant finishedAt() { return finishedAt; }
}
