-- One row per data row of the obstacles exports, erased ids left out: the text as written beside its parsed value.
CREATE OR REPLACE TEMP TABLE stg_obstacles AS
SELECT
    r.file_seq,
    r.path,
    r.row_number,
    r.extra_cells,
    r.extra_from,
    -- as written
    trim(r.knelpunt_id) AS knelpunt_id,
    trim(r.initiatief_id) AS initiatief_id,
    r.gemeente,
    r.gemeld_op,
    r.thema,
    r.categorie,
    r.ernst,
    r.niveau,
    r.gemeente AS municipality_value,
    'gemeente' AS municipality_field,
    -- parsed; shown text redacted where it left the extract step (etl.redaction)
    mr.cbs_code,
    mr.problem AS municipality_problem,
    mr.hint AS municipality_hint,
    d.day AS reported_at,
    th.code AS theme,
    ca.code AS category,
    CAST(se.code AS INTEGER) AS severity,
    coalesce(le.code, CASE WHEN r.niveau IS NULL THEN 'gemeente' END) AS level,
    coalesce(ro.redacted, r.omschrijving) AS description,
    ci.initiative_id IS NOT NULL AS initiative_loaded
FROM raw_obstacles AS r
LEFT JOIN municipality_resolution AS mr ON mr.value = r.gemeente
LEFT JOIN written_dates AS d ON d.written = r.gemeld_op
LEFT JOIN written_codes AS th ON th.vocabulary = 'theme' AND th.written = r.thema
LEFT JOIN written_codes AS ca ON ca.vocabulary = 'category' AND ca.written = r.categorie
LEFT JOIN written_codes AS se ON se.vocabulary = 'severity' AND se.written = r.ernst
LEFT JOIN written_codes AS le ON le.vocabulary = 'level' AND le.written = r.niveau
LEFT JOIN redacted_obstacles_omschrijving AS ro ON ro.written = r.omschrijving
LEFT JOIN core.initiatives AS ci ON ci.initiative_id = trim(r.initiatief_id)
WHERE lower(trim(r.knelpunt_id)) NOT IN (SELECT id_key FROM erased_obstacles)
   OR r.knelpunt_id IS NULL;
