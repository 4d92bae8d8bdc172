-- One row per data row of the responses exports, erased obstacles left out: the text as written beside its parsed value.
CREATE OR REPLACE TEMP TABLE stg_responses AS
SELECT
    r.file_seq,
    r.path,
    r.row_number,
    r.extra_cells,
    r.extra_from,
    -- as written
    trim(r.reactie_id) AS reactie_id,
    trim(r.knelpunt_id) AS knelpunt_id,
    r.datum,
    r.uitkomst,
    -- parsed; shown text redacted where it left the extract step (etl.redaction)
    d.day AS responded_at,
    oc.code AS outcome,
    coalesce(rt.redacted, r.toelichting) AS note,
    o.reported_at AS obstacle_reported_at,
    o.knelpunt_id IS NOT NULL AS obstacle_loaded
FROM raw_responses AS r
LEFT JOIN (SELECT knelpunt_id, reported_at FROM accepted_obstacles WHERE is_latest) AS o
    ON o.knelpunt_id = trim(r.knelpunt_id)
LEFT JOIN written_dates AS d ON d.written = r.datum
LEFT JOIN written_codes AS oc ON oc.vocabulary = 'outcome' AND oc.written = r.uitkomst
LEFT JOIN redacted_responses_toelichting AS rt ON rt.written = r.toelichting
WHERE lower(trim(r.knelpunt_id)) NOT IN (SELECT id_key FROM erased_obstacles)
   OR r.knelpunt_id IS NULL;
