-- iterativeflow schema, version 2: flow control (concurrency keys, concurrency and rate limits).

-- A run started with a concurrency key runs only after every earlier run of its flow and key has ended.
-- key_order is the run's place in that line: taken from a sequence at the start (and again when the run is retried),
-- so runs of one key are taken in start order, whatever their due times. Both stay NULL for runs without a key.
ALTER TABLE workflow.runs ADD COLUMN concurrency_key text
    CHECK (concurrency_key IS NULL OR length(concurrency_key) BETWEEN 1 AND 200);
ALTER TABLE workflow.runs ADD COLUMN key_order bigint;
CREATE SEQUENCE workflow.run_key_order;
-- The claim's look at the other runs of a key; only runs with a key are in it.
CREATE INDEX runs_concurrency_key ON workflow.runs (flow_name, concurrency_key, key_order)
    WHERE concurrency_key IS NOT NULL;

-- One row per flow name with a concurrency or rate limit. A claim of such a flow locks its row first, so claims of a
-- limited flow by several instances take turns and the limit is exact; the row also holds the rate limit's current
-- window. Flows without limits have no row and never touch the table.
CREATE TABLE workflow.flow_control (
    flow_name     text        PRIMARY KEY CHECK (length(flow_name) BETWEEN 1 AND 200),
    window_start  timestamptz,
    window_claims integer     NOT NULL DEFAULT 0 CHECK (window_claims >= 0)
);
