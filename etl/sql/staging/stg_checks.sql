-- One row per data row of the checks exports ("nog steeds open", the follow-up of /melden), erased obstacles left out: the text as written beside its parsed value.
CREATE OR REPLACE TEMP TABLE stg_checks AS
SELECT
    c.file_seq,
    c.path,
    c.row_number,
    c.extra_cells,
    c.extra_from,
    -- as written
    trim(c.controle_id) AS controle_id,
    trim(c.knelpunt_id) AS knelpunt_id,
    c.datum,
    -- parsed
    d.day AS checked_at,
    o.reported_at AS obstacle_reported_at,
    o.knelpunt_id IS NOT NULL AS obstacle_loaded
FROM raw_checks AS c
LEFT JOIN (SELECT knelpunt_id, reported_at FROM accepted_obstacles WHERE is_latest) AS o
    ON o.knelpunt_id = trim(c.knelpunt_id)
LEFT JOIN written_dates AS d ON d.written = c.datum
WHERE lower(trim(c.knelpunt_id)) NOT IN (SELECT id_key FROM erased_obstacles)
   OR c.knelpunt_id IS NULL;
