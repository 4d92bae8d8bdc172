-- One row per response of a government to an obstacle: its latest valid version.
CREATE OR REPLACE TABLE core.responses AS
SELECT
    reactie_id AS response_id,
    knelpunt_id AS obstacle_id,
    responded_at,
    outcome,
    note,
    path AS source_path,
    row_number AS source_row
FROM accepted_responses
WHERE is_latest
ORDER BY response_id;

COMMENT ON COLUMN core.responses.response_id IS 'Stable id from the form.';
COMMENT ON COLUMN core.responses.obstacle_id IS 'The obstacle responded to (core.obstacles).';
COMMENT ON COLUMN core.responses.responded_at IS 'Date of the response; never before the obstacle was reported.';
COMMENT ON COLUMN core.responses.outcome IS 'ontvangen, in_behandeling, opgelost, deels_opgelost, afgewezen or doorverwezen.';
COMMENT ON COLUMN core.responses.note IS 'Free-text note, redacted.';
COMMENT ON COLUMN core.responses.source_path IS 'Export file (relative to data/raw/) the row came from.';
COMMENT ON COLUMN core.responses.source_row IS 'Row in that file as a spreadsheet counts it (header = 1).';
