-- One row per (municipality, registration day, phase, set of themes) with initiatives: how many registered.
-- An initiative works on a set of themes; a theme filter keeps the rows whose set holds
-- any chosen theme, so every initiative is counted once however many themes match.
CREATE OR REPLACE TABLE marts.initiative_counts AS
WITH themes AS (
    SELECT initiative_id, list(theme ORDER BY theme) AS themes
    FROM core.initiative_themes
    GROUP BY initiative_id
)
SELECT
    i.cbs_code,
    i.registered_at,
    i.phase,
    coalesce(t.themes, []::VARCHAR[]) AS themes,
    CAST(count(*) AS INTEGER) AS initiatives
FROM core.initiatives AS i
LEFT JOIN themes AS t USING (initiative_id)
GROUP BY ALL
ORDER BY i.registered_at, i.cbs_code, i.phase NULLS FIRST, themes;

COMMENT ON COLUMN marts.initiative_counts.cbs_code IS 'Municipality the initiatives work in.';
COMMENT ON COLUMN marts.initiative_counts.registered_at IS 'Day of registration.';
COMMENT ON COLUMN marts.initiative_counts.phase IS 'startend or ervaren; NULL when unknown.';
COMMENT ON COLUMN marts.initiative_counts.themes IS 'The themes the initiatives work on, sorted (empty when none was given).';
COMMENT ON COLUMN marts.initiative_counts.initiatives IS 'Initiatives registered.';
