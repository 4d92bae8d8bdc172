-- One row per check that an obstacle was still open ("nog steeds open" on /melden): its latest valid version.
CREATE OR REPLACE TABLE core.obstacle_checks AS
SELECT
    controle_id AS check_id,
    knelpunt_id AS obstacle_id,
    checked_at,
    path AS source_path,
    row_number AS source_row
FROM accepted_checks
WHERE is_latest
ORDER BY check_id;

COMMENT ON COLUMN core.obstacle_checks.check_id IS 'Stable id from the form.';
COMMENT ON COLUMN core.obstacle_checks.obstacle_id IS 'The obstacle that was still open (core.obstacles).';
COMMENT ON COLUMN core.obstacle_checks.checked_at IS 'The day the initiative said it was still open; never before the obstacle was reported.';
COMMENT ON COLUMN core.obstacle_checks.source_path IS 'Export file (relative to data/raw/) the row came from.';
COMMENT ON COLUMN core.obstacle_checks.source_row IS 'Row in that file as a spreadsheet counts it (header = 1).';
