-- iterativeflow schema, version 4: the trace context a run continues.
-- The W3C traceparent of the request (or the parent run's step) that started the run, written with the run's
-- insert when tracing is on; every attempt's span continues it. NULL when tracing was off at the start.

ALTER TABLE workflow.runs ADD COLUMN trace_parent text
    CHECK (trace_parent IS NULL OR length(trace_parent) BETWEEN 1 AND 128);
