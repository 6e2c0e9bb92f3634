-- iterativeflow schema, version 3, for H2: caller identity (see the PostgreSQL script).

ALTER TABLE workflow.runs ADD COLUMN started_by VARCHAR(255)
    CHECK (started_by IS NULL OR CHAR_LENGTH(started_by) BETWEEN 1 AND 255);
ALTER TABLE workflow.events ADD COLUMN actor VARCHAR(255)
    CHECK (actor IS NULL OR CHAR_LENGTH(actor) BETWEEN 1 AND 255);
