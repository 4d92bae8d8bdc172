-- One row per initiative: its directory entry with its themes as a sorted list and the key the kennisbank sorts names by.
-- The kennisbank filters and sorts tens of thousands of initiatives on every interaction;
-- the themes' list and the sort key are computed here once per load, not on each page run.
CREATE OR REPLACE TABLE marts.initiative_directory AS
SELECT
    i.*,
    coalesce(t.themes, []::VARCHAR[]) AS themes,
    lower(strip_accents(i.name)) AS name_key
FROM core.initiatives AS i
LEFT JOIN (
    SELECT initiative_id, list(theme ORDER BY theme) AS themes
    FROM core.initiative_themes
    GROUP BY initiative_id
) AS t USING (initiative_id)
ORDER BY name_key, i.initiative_id;

COMMENT ON COLUMN marts.initiative_directory.themes IS 'The themes the initiative works on, sorted (core.initiative_themes).';
COMMENT ON COLUMN marts.initiative_directory.name_key IS 'The name as a dictionary sorts it: lower case, accents removed.';
