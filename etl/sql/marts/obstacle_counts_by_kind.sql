-- One row per (municipality, theme, category, initiative phase, level) with obstacles: marts.obstacle_counts summed over all report days up to the as-of day.
-- Answers selections without a period (the default view), from at most municipalities x
-- themes x categories x phases x levels rows whatever the number of obstacles.
CREATE OR REPLACE TABLE marts.obstacle_counts_by_kind AS
SELECT
    cbs_code,
    theme,
    category,
    phase,
    level,
    CAST(sum(COLUMNS(* EXCLUDE (cbs_code, reported_at, theme, category, phase, level))) AS INTEGER)
FROM marts.obstacle_counts
GROUP BY cbs_code, theme, category, phase, level
ORDER BY cbs_code, theme, category, phase NULLS FIRST, level;

COMMENT ON COLUMN marts.obstacle_counts_by_kind.cbs_code IS 'Municipality (government) the obstacles are with.';
COMMENT ON COLUMN marts.obstacle_counts_by_kind.theme IS 'Theme code.';
COMMENT ON COLUMN marts.obstacle_counts_by_kind.category IS 'Category code.';
COMMENT ON COLUMN marts.obstacle_counts_by_kind.phase IS 'Phase of the reporting initiative; NULL when unknown or reported without initiative.';
COMMENT ON COLUMN marts.obstacle_counts_by_kind.level IS 'Where it must be solved.';
