-- One row per (municipality, report day) with obstacles: marts.obstacle_counts summed over theme, category, phase and level.
-- Answers selections of period and place only, and the trend per quarter, from at most
-- municipalities x days rows whatever the number of obstacles.
CREATE OR REPLACE TABLE marts.obstacle_counts_by_day AS
SELECT
    cbs_code,
    reported_at,
    CAST(sum(COLUMNS(* EXCLUDE (cbs_code, reported_at, theme, category, phase, level))) AS INTEGER)
FROM marts.obstacle_counts
GROUP BY cbs_code, reported_at
ORDER BY reported_at, cbs_code;

COMMENT ON COLUMN marts.obstacle_counts_by_day.cbs_code IS 'Municipality (government) the obstacles are with.';
COMMENT ON COLUMN marts.obstacle_counts_by_day.reported_at IS 'Day the obstacles were reported.';
