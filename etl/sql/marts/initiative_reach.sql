-- One row per (initiative, municipality, report day, theme, category, initiative phase, level) with obstacles: which initiatives reported what, for counting different initiatives in any selection.
CREATE OR REPLACE TABLE marts.initiative_reach AS
SELECT
    o.initiative_id,
    o.cbs_code,
    o.reported_at,
    o.theme,
    o.category,
    o.phase,
    o.level,
    CAST(count(*) AS INTEGER) AS obstacles
FROM obstacle_facts AS o
WHERE o.initiative_id IS NOT NULL
GROUP BY ALL
ORDER BY o.reported_at, o.cbs_code, o.initiative_id, o.theme, o.category, o.level;

COMMENT ON COLUMN marts.initiative_reach.initiative_id IS 'The reporting initiative (core.initiatives).';
COMMENT ON COLUMN marts.initiative_reach.cbs_code IS 'Municipality (government) the obstacles are with.';
COMMENT ON COLUMN marts.initiative_reach.reported_at IS 'Day reported.';
COMMENT ON COLUMN marts.initiative_reach.theme IS 'Theme code.';
COMMENT ON COLUMN marts.initiative_reach.category IS 'Category code.';
COMMENT ON COLUMN marts.initiative_reach.phase IS 'Phase of the initiative; NULL when unknown.';
COMMENT ON COLUMN marts.initiative_reach.level IS 'Where it must be solved.';
COMMENT ON COLUMN marts.initiative_reach.obstacles IS 'Obstacles.';
