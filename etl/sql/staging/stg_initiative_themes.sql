-- One row per theme written in a row of an initiatives export, with its code when it is known.
CREATE OR REPLACE TEMP TABLE stg_initiative_themes AS
SELECT
    file_seq,
    row_number,
    part,
    vocab_code('theme', part) AS theme
FROM (
    SELECT file_seq, row_number, trim(unnest(regexp_split_to_array(themas, '[;,|]'))) AS part
    FROM raw_initiatives
    WHERE themas IS NOT NULL
)
WHERE part <> '';
