-- iterativeflow schema, version 2, for H2: flow control (concurrency keys, concurrency and rate limits).
-- The same columns, sequence and table as the PostgreSQL script, in H2's types.

ALTER TABLE workflow.runs ADD COLUMN concurrency_key VARCHAR(200)
    CHECK (concurrency_key IS NULL OR CHAR_LENGTH(concurrency_key) BETWEEN 1 AND 200);
ALTER TABLE workflow.runs ADD COLUMN key_order BIGINT;
CREATE SEQUENCE workflow.run_key_order;
CREATE INDEX runs_concurrency_key ON workflow.runs (flow_name, concurrency_key, key_order);

CREATE TABLE workflow.flow_control (
    flow_name     VARCHAR(200)             CONSTRAINT flow_control_pkey PRIMARY KEY
                                           CHECK (CHAR_LENGTH(flow_name) BETWEEN 1 AND 200),
    window_start  TIMESTAMP WITH TIME ZONE,
    window_claims INTEGER                  DEFAULT 0 NOT NULL CHECK (window_claims >= 0)
);
