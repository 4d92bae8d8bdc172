-- One row per data row of the analyst's region files: the grouping and the municipality as written beside what they resolve to.
CREATE OR REPLACE TEMP TABLE stg_regions AS
SELECT
    r.file_seq,
    r.path,
    r.row_number,
    r.extra_cells,
    r.extra_from,
    -- as written
    trim(r.regio_code) AS regio_code,
    trim(r.regio_naam) AS regio_naam,
    r.gemeente,
    r.soort,
    r.gemeente AS municipality_value,
    'gemeente' AS municipality_field,
    -- parsed; shown text redacted where it left the extract step (etl.redaction)
    lower(trim(r.regio_code)) AS region_code,
    mr.cbs_code,
    mr.problem AS municipality_problem,
    mr.hint AS municipality_hint,
    CASE WHEN list_contains((SELECT region_kinds FROM run_params), lower(trim(r.soort)))
        THEN lower(trim(r.soort)) END AS kind,
    trim(coalesce(rn.redacted, r.regio_naam)) AS name,
    coalesce(rt.redacted, r.toelichting) AS note,
    -- the record a later row replaces: the same municipality in the same region
    lower(trim(r.regio_code)) || '|' || coalesce(mr.cbs_code, '') AS member_key,
    -- a region has one name: that of its first row
    first_value(trim(r.regio_naam) IGNORE NULLS) OVER (
        PARTITION BY lower(trim(r.regio_code)) ORDER BY r.file_seq, r.row_number
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS first_name,
    r.path AS first_path
FROM raw_regions AS r
LEFT JOIN municipality_resolution AS mr ON mr.value = r.gemeente
LEFT JOIN redacted_regions_regio_naam AS rn ON rn.written = r.regio_naam
LEFT JOIN redacted_regions_toelichting AS rt ON rt.written = r.toelichting;
