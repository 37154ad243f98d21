-- Quarantine review (issue 5 item 5): GET /v1/quarantine filters by rule (a reason's "rule" inside the reasons
-- array, queried with reasons @> '[{"rule": ...}]'), and the review decision is one of two outcomes, both with who
-- and when (the decided_by/decided_at columns of V2).
CREATE INDEX idx_quarantine_reasons ON quarantine USING gin (reasons jsonb_path_ops);

ALTER TABLE quarantine ADD CONSTRAINT quarantine_decision_recorded
    CHECK (status NOT IN ('approved', 'rejected') OR (decided_by IS NOT NULL AND decided_at IS NOT NULL));
