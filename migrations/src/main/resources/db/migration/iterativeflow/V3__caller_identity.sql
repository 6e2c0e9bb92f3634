-- iterativeflow schema, version 3: caller identity.
-- started_by: the caller principal's name at the start of a run (a child run inherits its parent's); NULL when the
-- caller was anonymous or the engine has no identity source. actor: who caused an event from outside (the start,
-- a signal, a cancel, a retry); NULL for the engine's own transitions and anonymous callers. Names longer than 255
-- characters are cut by the engine before they are written.

ALTER TABLE workflow.runs ADD COLUMN started_by text
    CHECK (started_by IS NULL OR length(started_by) BETWEEN 1 AND 255);
ALTER TABLE workflow.events ADD COLUMN actor text
    CHECK (actor IS NULL OR length(actor) BETWEEN 1 AND 255);
