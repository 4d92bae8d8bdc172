-- One row per obstacle an initiative hit with a government: its latest valid report, with the state of its responses.
CREATE OR REPLACE TABLE core.obstacles AS
WITH responses AS (
    SELECT
        knelpunt_id,
        -- latest response decides the status; same-day ties go to the later export row
        -- (day, file, row packed into one number: far cheaper to compare than a struct)
        arg_max(
            outcome,
            CAST(date_diff('day', DATE '1970-01-01', responded_at) AS HUGEINT) * 18446744073709551616
                + CAST(file_seq AS HUGEINT) * 4294967296 + row_number
        ) AS status,
        min(responded_at) AS first_response_at,
        min(responded_at) FILTER (WHERE outcome IN ('opgelost', 'deels_opgelost')) AS resolved_at,
        CAST(count(*) AS INTEGER) AS responses
    FROM accepted_responses
    WHERE is_latest
    GROUP BY knelpunt_id
),
checks AS (
    SELECT obstacle_id AS knelpunt_id, max(checked_at) AS last_checked_at
    FROM core.obstacle_checks
    GROUP BY obstacle_id
)
SELECT
    o.knelpunt_id AS obstacle_id,
    o.initiatief_id AS initiative_id,
    o.cbs_code,
    o.reported_at,
    o.theme,
    o.category,
    o.severity,
    o.level,
    o.description,
    coalesce(r.status, 'open') AS status,
    r.first_response_at,
    r.resolved_at,
    coalesce(r.responses, 0) AS responses,
    c.last_checked_at,
    o.path AS source_path,
    o.row_number AS source_row
FROM accepted_obstacles AS o
LEFT JOIN responses AS r USING (knelpunt_id)
LEFT JOIN checks AS c USING (knelpunt_id)
WHERE o.is_latest
ORDER BY reported_at, obstacle_id;

COMMENT ON COLUMN core.obstacles.obstacle_id IS 'Stable id from the signal form.';
COMMENT ON COLUMN core.obstacles.initiative_id IS 'Initiative that reported it (core.initiatives); NULL when not given.';
COMMENT ON COLUMN core.obstacles.cbs_code IS 'Municipality (government) the obstacle is with.';
COMMENT ON COLUMN core.obstacles.reported_at IS 'Date reported.';
COMMENT ON COLUMN core.obstacles.theme IS 'Theme code, e.g. zorg_welzijn.';
COMMENT ON COLUMN core.obstacles.category IS 'Category code, e.g. financiering.';
COMMENT ON COLUMN core.obstacles.severity IS '1 (laag), 2 (midden), 3 (hoog); NULL when not given.';
COMMENT ON COLUMN core.obstacles.level IS 'Where it must be solved: gemeente (default), regio, provincie, rijk.';
COMMENT ON COLUMN core.obstacles.description IS 'Free-text description, redacted.';
COMMENT ON COLUMN core.obstacles.status IS 'Outcome of the latest response, or open when there is none.';
COMMENT ON COLUMN core.obstacles.first_response_at IS 'Date of the earliest response of any outcome; NULL when unanswered.';
COMMENT ON COLUMN core.obstacles.resolved_at IS 'Date of the earliest opgelost or deels_opgelost response; NULL when not resolved.';
COMMENT ON COLUMN core.obstacles.responses IS 'Number of responses.';
COMMENT ON COLUMN core.obstacles.last_checked_at IS 'Latest day the initiative confirmed the obstacle was still open (core.obstacle_checks); NULL when never.';
COMMENT ON COLUMN core.obstacles.source_path IS 'Export file (relative to data/raw/) the row came from.';
COMMENT ON COLUMN core.obstacles.source_row IS 'Row in that file as a spreadsheet counts it (header = 1).';
