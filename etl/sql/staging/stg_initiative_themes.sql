-- One row per theme written in a row of an initiatives export, with its code when it is known.
CREATE OR REPLACE TEMP TABLE stg_initiative_themes AS
SELECT p.file_seq, p.row_number, p.part, c.code AS theme
FROM initiative_theme_parts AS p
LEFT JOIN written_codes AS c ON c.vocabulary = 'theme' AND c.written = p.part;
