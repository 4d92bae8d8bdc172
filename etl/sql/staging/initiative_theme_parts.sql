-- One row per theme written in a row of an initiatives export (split on ; , and |).
CREATE OR REPLACE TEMP TABLE initiative_theme_parts AS
SELECT file_seq, row_number, part
FROM (
    SELECT file_seq, row_number, trim(unnest(regexp_split_to_array(themas, '[;,|]'))) AS part
    FROM raw_initiatives
    WHERE themas IS NOT NULL
)
WHERE part <> '';
