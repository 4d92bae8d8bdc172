-- One row per (municipality, phase, set of themes) with initiatives: marts.initiative_counts summed over all registration days.
CREATE OR REPLACE TABLE marts.initiative_counts_by_kind AS
SELECT cbs_code, phase, themes, CAST(sum(initiatives) AS INTEGER) AS initiatives
FROM marts.initiative_counts
GROUP BY cbs_code, phase, themes
ORDER BY cbs_code, phase NULLS FIRST, themes;

COMMENT ON COLUMN marts.initiative_counts_by_kind.cbs_code IS 'Municipality the initiatives work in.';
COMMENT ON COLUMN marts.initiative_counts_by_kind.phase IS 'startend or ervaren; NULL when unknown.';
COMMENT ON COLUMN marts.initiative_counts_by_kind.themes IS 'The themes the initiatives work on, sorted.';
COMMENT ON COLUMN marts.initiative_counts_by_kind.initiatives IS 'Initiatives registered up to the as-of day.';
