-- iterativeflow schema, version 1.
-- Every object lives in the schema "workflow". Flyway owns this DDL; the engine only validates it.

CREATE SCHEMA IF NOT EXISTS workflow;

-- One row per run. The table is also the queue: a run is ready when its status is one of the
-- waiting statuses and available_at has passed (see the partial index runs_ready).
CREATE TABLE workflow.runs (
    id                uuid        PRIMARY KEY,
    flow_name         text        NOT NULL CHECK (length(flow_name) BETWEEN 1 AND 200),
    flow_version      integer     NOT NULL CHECK (flow_version > 0),
    status            text        NOT NULL CHECK (status IN ('pending', 'running', 'sleeping', 'awaiting_signal',
                                                             'awaiting_child', 'retrying', 'completed', 'failed',
                                                             'canceled')),
    input             jsonb,
    output            jsonb,
    error_code        text,
    error_message     text,
    idempotency_key   text        CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 512),
    tags              text[]      NOT NULL DEFAULT '{}',
    priority          integer     NOT NULL DEFAULT 0,
    attempts          integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- attempts that ended cleanly by suspending (sleep, retry back-off, wait); attempts - suspensions counts the
    -- attempts that crashed, lost their lease or were given back, which flow.max-run-attempts bounds
    suspensions       integer     NOT NULL DEFAULT 0 CHECK (suspensions >= 0),
    available_at      timestamptz NOT NULL,
    lease_owner       text,
    lease_expires_at  timestamptz,
    wait_kind         text,
    wait_key          text,
    parent_run_id     uuid        REFERENCES workflow.runs (id) ON DELETE SET NULL,
    parent_key        text,
    depth             integer     NOT NULL DEFAULT 1 CHECK (depth >= 1),
    cancel_reason     text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    finished_at       timestamptz
) WITH (fillfactor = 90);
-- fillfactor leaves room on each page so the per-step update of a run (updated_at only; the lease is renewed
-- only when half of it has passed) stays a HOT update and touches no index.

-- The claim path: ready runs by priority, then by due time.
CREATE INDEX runs_ready ON workflow.runs (priority DESC, available_at)
    WHERE status IN ('pending', 'retrying', 'sleeping', 'awaiting_signal', 'awaiting_child');
-- The reconciler: running runs whose lease has expired.
CREATE INDEX runs_lease ON workflow.runs (lease_expires_at) WHERE status = 'running';
-- Heartbeat and shutdown: the runs one instance holds.
CREATE INDEX runs_owner ON workflow.runs (lease_owner) WHERE lease_owner IS NOT NULL;
-- Keyset listing, newest first, overall and per flow.
CREATE INDEX runs_listing ON workflow.runs (created_at DESC, id DESC);
CREATE INDEX runs_listing_by_flow ON workflow.runs (flow_name, created_at DESC, id DESC);
-- Tag filters.
CREATE INDEX runs_tags ON workflow.runs USING gin (tags);
-- Idempotent start: one run per flow, version and key.
CREATE UNIQUE INDEX runs_idempotency ON workflow.runs (flow_name, flow_version, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
-- Children of a run (cancel cascade, fan-out limit, parent wake-up).
CREATE INDEX runs_parent ON workflow.runs (parent_run_id) WHERE parent_run_id IS NOT NULL;
-- One child per call site of a parent: a resumed parent finds the child it started instead of starting another.
CREATE UNIQUE INDEX runs_parent_key ON workflow.runs (parent_run_id, parent_key) WHERE parent_run_id IS NOT NULL;
-- Retention of terminal runs.
CREATE INDEX runs_finished ON workflow.runs (finished_at) WHERE finished_at IS NOT NULL;

-- The durable history of a run: one row per cursor key.
CREATE TABLE workflow.steps (
    run_id         uuid        NOT NULL REFERENCES workflow.runs (id) ON DELETE CASCADE,
    cursor_key     text        NOT NULL,
    name           text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('step', 'sleep', 'signal', 'invoke', 'now')),
    status         text        NOT NULL CHECK (status IN ('completed', 'retrying', 'failed')),
    attempts       integer     NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    result         jsonb,
    error_code     text,
    error_message  text,
    position       integer     NOT NULL,
    created_at     timestamptz NOT NULL,
    finished_at    timestamptz,
    PRIMARY KEY (run_id, cursor_key)
);

-- Durable timers: sleeps, retry back-offs and wait timeouts. The run's available_at carries the
-- earliest due time, so the claim query alone finds due work; this table is the record.
CREATE TABLE workflow.timers (
    run_id      uuid        NOT NULL REFERENCES workflow.runs (id) ON DELETE CASCADE,
    cursor_key  text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('sleep', 'retry', 'signal_timeout', 'start')),
    due_at      timestamptz NOT NULL,
    fired_at    timestamptz,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (run_id, cursor_key)
);
CREATE INDEX timers_pending ON workflow.timers (due_at) WHERE fired_at IS NULL;

-- Signals sent to runs: buffered until the run waits for them, then consumed.
CREATE TABLE workflow.signals (
    id            bigserial   PRIMARY KEY,
    run_id        uuid        NOT NULL REFERENCES workflow.runs (id) ON DELETE CASCADE,
    name          text        NOT NULL,
    payload       jsonb,
    dedup_key     text,
    status        text        NOT NULL CHECK (status IN ('buffered', 'delivered', 'consumed', 'expired')),
    cursor_key    text,
    created_at    timestamptz NOT NULL,
    consumed_at   timestamptz
);
CREATE INDEX signals_run ON workflow.signals (run_id, name, id);
CREATE UNIQUE INDEX signals_dedup ON workflow.signals (run_id, name, dedup_key) WHERE dedup_key IS NOT NULL;

-- Audit trail: one row per transition. Never a copy of a payload.
CREATE TABLE workflow.events (
    id          bigserial   PRIMARY KEY,
    run_id      uuid        NOT NULL REFERENCES workflow.runs (id) ON DELETE CASCADE,
    type        text        NOT NULL,
    attempt     integer     NOT NULL DEFAULT 0,
    cursor_key  text,
    detail      text,
    at          timestamptz NOT NULL
);
CREATE INDEX events_run ON workflow.events (run_id, id);
CREATE INDEX events_at ON workflow.events (at);
