-- Scalar helpers shared by every model of a build; temporary, so they never reach the warehouse.

-- Matching key: case-, accent-, space-, hyphen- and punctuation-insensitive.
CREATE OR REPLACE TEMP MACRO norm_key(x) AS
    nullif(regexp_replace(lower(strip_accents(trim(x))), '[^a-z0-9]', '', 'g'), '');

-- The run's as-of day, bound once from Python into run_params.
CREATE OR REPLACE TEMP MACRO as_of() AS (SELECT as_of FROM run_params);

-- Whether a municipality of province `p` is one the warehouse covers: a province covers its
-- own, the national scope every municipality.
CREATE OR REPLACE TEMP MACRO in_scope(p) AS
    (SELECT p = run_scope OR run_scope = national_scope FROM run_params);

CREATE OR REPLACE TEMP MACRO ymd_to_date(y, m, d) AS
    try_strptime(concat_ws('-', y, m, d), '%Y-%m-%d')::DATE;

-- Day-first always: ISO 2024-03-05, Dutch 05-03-2024 / 5-3-2024 / 05/03/2024, with or
-- without a time; Excel serial numbers (days since 1899-12-30, the Excel 1900 system)
-- from 10000 (1927) on, so that a bare year is never taken for a serial.
CREATE OR REPLACE TEMP MACRO parse_date(x) AS CASE
    WHEN regexp_full_match(trim(x),
        '\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?')
        THEN ymd_to_date(
            regexp_extract(trim(x), '^(\d{4})', 1),
            regexp_extract(trim(x), '^\d{4}[-/.](\d{1,2})', 1),
            regexp_extract(trim(x), '^\d{4}[-/.]\d{1,2}[-/.](\d{1,2})', 1))
    WHEN regexp_full_match(trim(x),
        '\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?')
        THEN ymd_to_date(
            regexp_extract(trim(x), '^\d{1,2}[-/.]\d{1,2}[-/.](\d{4})', 1),
            regexp_extract(trim(x), '^\d{1,2}[-/.](\d{1,2})', 1),
            regexp_extract(trim(x), '^(\d{1,2})', 1))
    WHEN regexp_full_match(trim(x), '[1-9]\d{4}(?:\.\d+)?')
        THEN DATE '1899-12-30' + CAST(floor(CAST(trim(x) AS DOUBLE)) AS INTEGER)
END;

-- A founding "year or date": a bare year counts as 1 January of that year.
CREATE OR REPLACE TEMP MACRO parse_year_or_date(x) AS CASE
    WHEN regexp_full_match(trim(x), '\d{4}(?:\.0+)?')
        THEN ymd_to_date(left(trim(x), 4), '1', '1')
    ELSE parse_date(x)
END;

CREATE OR REPLACE TEMP MACRO parse_count(x) AS CASE
    WHEN regexp_full_match(trim(x), '\d{1,9}(?:\.0+)?') THEN CAST(floor(CAST(trim(x) AS DOUBLE)) AS INTEGER)
END;

-- The spreadsheet letters of a column number: 1 = A, 27 = AA, 16384 = XFD (as Excel names
-- them, also for a csv opened in it); beyond three letters the number itself.
CREATE OR REPLACE TEMP MACRO spreadsheet_column(n) AS CASE
    WHEN n IS NULL OR n < 1 THEN NULL
    WHEN n > 18278 THEN CAST(n AS VARCHAR)
    ELSE
        CASE WHEN n > 702 THEN chr(CAST(65 + ((n - 703) // 676) % 26 AS INTEGER)) ELSE '' END
        || CASE WHEN n > 26 THEN chr(CAST(65 + ((n - 27) // 26) % 26 AS INTEGER)) ELSE '' END
        || chr(CAST(65 + (n - 1) % 26 AS INTEGER))
END;
