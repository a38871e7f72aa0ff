-- The overview reads one row per unit and nothing of the history (issue 14, overview on H2).
-- Types chosen to mean the same on H2 and PostgreSQL.

-- The latest check's day and progress verdict (migration 6) beside its verdict, so a page of the
-- overview no longer looks up each unit's latest assessment row: on H2 that was a random read of
-- a wide row per unit, most of a page's time.
ALTER TABLE unit_latest ADD COLUMN as_of DATE;
ALTER TABLE unit_latest ADD COLUMN progress_verdict VARCHAR(16);
UPDATE unit_latest SET
    as_of = (SELECT a.as_of FROM assessment a WHERE a.id = unit_latest.assessment_id),
    progress_verdict = (SELECT a.progress_verdict FROM assessment a WHERE a.id = unit_latest.assessment_id);

-- The common gaps are counted from an index alone: per unit, each gap's kind, code and points.
-- With only the index on (kind, code) H2 counted in code order, reading every gap's row.
CREATE INDEX unit_gap_counted ON unit_gap (unit_id, kind, code, points);
