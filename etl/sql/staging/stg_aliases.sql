-- One row per data row of the analyst's alias files: the alias beside the municipality code it names.
CREATE OR REPLACE TEMP TABLE stg_aliases AS
SELECT
    a.file_seq,
    a.path,
    a.row_number,
    a.extra_cells,
    a.extra_from,
    trim(a.alias) AS alias,
    trim(a.cbs_code) AS cbs_code,
    norm_key(a.alias) AS alias_key,
    n.cbs_code AS resolved_code
FROM raw_aliases AS a
LEFT JOIN ref_municipalities_nl AS n
    ON n.cbs_code = 'GM' || lpad(regexp_extract(upper(trim(a.cbs_code)), '^(?:GM)? ?(\d{1,4})$', 1), 4, '0');
