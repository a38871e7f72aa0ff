-- A check made before the period's end (an as-of check): the day it stands on and its progress
-- verdict (on-track, at-risk, behind); both null for a check of the whole period.
ALTER TABLE assessment ADD COLUMN as_of DATE;
ALTER TABLE assessment ADD COLUMN progress_verdict VARCHAR(16);
