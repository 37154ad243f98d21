-- A window whose request failed after its retries (a provider outage, a circuit breaker open) is tried again later
-- instead of failing its job: failures counts the attempts that failed, and claimed_until (with claimed_by empty)
-- holds the window back until its next try.
ALTER TABLE job_window ADD COLUMN failures INT NOT NULL DEFAULT 0;
