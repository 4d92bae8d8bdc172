-- One row per data row of the initiatives exports, erased ids left out: the text as written beside its parsed value.
CREATE OR REPLACE TEMP TABLE stg_initiatives AS
WITH themes AS (
    SELECT
        file_seq,
        row_number,
        list_sort(list_distinct(list(theme) FILTER (WHERE theme IS NOT NULL))) AS theme_codes,
        string_agg(part, ', ' ORDER BY part) FILTER (WHERE theme IS NULL) AS unknown_themes
    FROM stg_initiative_themes
    GROUP BY file_seq, row_number
)
SELECT
    r.file_seq,
    r.path,
    r.row_number,
    r.extra_cells,
    r.extra_from,
    -- as written
    trim(r.initiatief_id) AS initiatief_id,
    r.naam,
    r.gemeente,
    r.kern,
    r.themas,
    r.rechtsvorm,
    r.opgericht,
    r.fase,
    r.vrijwilligers,
    r.zichtbaar,
    r.geregistreerd_op,
    coalesce(r.gemeente, r.kern) AS municipality_value,
    CASE WHEN r.gemeente IS NULL AND r.kern IS NOT NULL THEN 'kern' ELSE 'gemeente' END
        AS municipality_field,
    -- parsed
    mr.cbs_code,
    mr.problem AS municipality_problem,
    mr.hint AS municipality_hint,
    coalesce(t.theme_codes, []::VARCHAR[]) AS theme_codes,
    t.unknown_themes,
    lf.code AS legal_form,
    parse_year_or_date(r.opgericht) AS founded_on,
    ph.code AS phase_given,
    parse_count(r.vrijwilligers) AS volunteers,
    cs.code AS consent,
    d.day AS registered_at,
    -- shown text, redacted where it left the extract step (etl.redaction)
    coalesce(rn.redacted, r.naam) AS name,
    coalesce(rk.redacted, r.kern) AS place,
    coalesce(rw.redacted, r.website) AS website,
    coalesce(ro.redacted, r.omschrijving) AS description
FROM raw_initiatives AS r
LEFT JOIN municipality_resolution AS mr ON mr.value = coalesce(r.gemeente, r.kern)
LEFT JOIN themes AS t USING (file_seq, row_number)
LEFT JOIN written_dates AS d ON d.written = r.geregistreerd_op
LEFT JOIN written_codes AS lf ON lf.vocabulary = 'legal_form' AND lf.written = r.rechtsvorm
LEFT JOIN written_codes AS ph ON ph.vocabulary = 'phase' AND ph.written = r.fase
LEFT JOIN written_codes AS cs ON cs.vocabulary = 'consent' AND cs.written = r.zichtbaar
LEFT JOIN redacted_initiatives_naam AS rn ON rn.written = r.naam
LEFT JOIN redacted_initiatives_kern AS rk ON rk.written = r.kern
LEFT JOIN redacted_initiatives_website AS rw ON rw.written = r.website
LEFT JOIN redacted_initiatives_omschrijving AS ro ON ro.written = r.omschrijving
WHERE lower(trim(r.initiatief_id)) NOT IN (SELECT id_key FROM erased_initiatives)
   OR r.initiatief_id IS NULL;
