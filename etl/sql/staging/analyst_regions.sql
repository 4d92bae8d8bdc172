-- One row per region of the analyst's region files with at least one valid row: its name, kind and note from its first rows.
CREATE OR REPLACE TEMP TABLE analyst_regions AS
SELECT
    region_code,
    arg_min(name, (file_seq, row_number)) AS name,
    coalesce(arg_min(kind, (file_seq, row_number)) FILTER (WHERE kind IS NOT NULL),
        'samenwerkingsverband') AS kind,
    coalesce(
        arg_min(note, (file_seq, row_number)) FILTER (WHERE note IS NOT NULL),
        format((SELECT analyst_region_note FROM run_params), arg_min(path, (file_seq, row_number)))
    ) AS note,
    min(file_seq) AS first_file,
    arg_min(row_number, (file_seq, row_number)) AS first_row
FROM accepted_regions
WHERE is_latest
GROUP BY region_code
ORDER BY region_code;
