-- One row per (initiative, municipality, report day, theme, category, initiative phase, level) with obstacles: which initiatives reported what, for counting different initiatives in any selection.
-- Grouped by the number of the five texts (obstacle_cells), which are named afterwards.
CREATE OR REPLACE TABLE marts.initiative_reach AS
WITH counted AS (
    SELECT o.initiative_id, o.cell, o.reported_at, CAST(count(*) AS INTEGER) AS obstacles
    FROM obstacle_facts AS o
    WHERE o.initiative_id IS NOT NULL
    GROUP BY ALL
)
SELECT
    k.initiative_id,
    c.cbs_code,
    k.reported_at,
    c.theme,
    c.category,
    c.phase,
    c.level,
    k.obstacles
FROM counted AS k
JOIN obstacle_cells AS c USING (cell)
-- An initiative has one phase, so within its rows of one municipality the cell number
-- sorts as theme, category, level: this is the order reported_at, cbs_code,
-- initiative_id, theme, category, level.
ORDER BY k.reported_at, c.cbs_code, k.initiative_id, k.cell;

COMMENT ON COLUMN marts.initiative_reach.initiative_id IS 'The reporting initiative (core.initiatives).';
COMMENT ON COLUMN marts.initiative_reach.cbs_code IS 'Municipality (government) the obstacles are with.';
COMMENT ON COLUMN marts.initiative_reach.reported_at IS 'Day reported.';
COMMENT ON COLUMN marts.initiative_reach.theme IS 'Theme code.';
COMMENT ON COLUMN marts.initiative_reach.category IS 'Category code.';
COMMENT ON COLUMN marts.initiative_reach.phase IS 'Phase of the initiative; NULL when unknown.';
COMMENT ON COLUMN marts.initiative_reach.level IS 'Where it must be solved.';
COMMENT ON COLUMN marts.initiative_reach.obstacles IS 'Obstacles.';
