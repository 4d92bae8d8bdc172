-- One row per (municipality, report day, theme, category, initiative phase, level) with obstacles: how many, and where they stood on the as-of day.
-- The grain is every dimension the dashboard's selection filters on, so any selection is a
-- sum of rows; every measure is a count, so rows (and the marts of several networks) add up.
-- Smaller roll-ups of this table (obstacle_counts_by_day, _by_kind) answer the common
-- selections; the read layer picks the smallest one that has the dimensions it needs.
-- Grouped by the number of the five texts (obstacle_cells), which are named afterwards.
CREATE OR REPLACE TABLE marts.obstacle_counts AS
WITH counted AS (
SELECT
    o.cell,
    o.reported_at,
    CAST(count(*) AS INTEGER) AS obstacles,
    CAST(count(o.first_response_at) AS INTEGER) AS answered,
    CAST(count(o.resolved_at) AS INTEGER) AS resolved,
    CAST(count(*) FILTER (
        WHERE o.status IN ('open', 'ontvangen', 'in_behandeling')
        AND o.reported_at <= as_of() - 90
    ) AS INTEGER) AS stale,
    CAST(count(*) FILTER (WHERE o.reported_at <= as_of() - 90) AS INTEGER) AS followed_90d,
    CAST(count(*) FILTER (
        WHERE o.reported_at <= as_of() - 90 AND o.resolved_at <= o.reported_at + 90
    ) AS INTEGER) AS resolved_in_90d,
    CAST(count(*) FILTER (
        WHERE o.reported_at > CAST(as_of() - INTERVAL 12 MONTH AS DATE)
    ) AS INTEGER) AS reported_last_12m,
    CAST(count(*) FILTER (
        WHERE o.reported_at > CAST(as_of() - INTERVAL 24 MONTH AS DATE)
        AND o.reported_at <= CAST(as_of() - INTERVAL 12 MONTH AS DATE)
    ) AS INTEGER) AS reported_prior_12m,
    CAST(count(o.severity) AS INTEGER) AS severity_known,
    CAST(count(*) FILTER (WHERE o.severity = 3) AS INTEGER) AS severe,
    CAST(coalesce(sum(o.severity), 0) AS INTEGER) AS severity_sum,
    CAST(count(*) FILTER (WHERE o.status = 'open') AS INTEGER) AS status_open,
    CAST(count(*) FILTER (WHERE o.status = 'ontvangen') AS INTEGER) AS status_ontvangen,
    CAST(count(*) FILTER (WHERE o.status = 'in_behandeling') AS INTEGER) AS status_in_behandeling,
    CAST(count(*) FILTER (WHERE o.status = 'opgelost') AS INTEGER) AS status_opgelost,
    CAST(count(*) FILTER (WHERE o.status = 'deels_opgelost') AS INTEGER) AS status_deels_opgelost,
    CAST(count(*) FILTER (WHERE o.status = 'afgewezen') AS INTEGER) AS status_afgewezen,
    CAST(count(*) FILTER (WHERE o.status = 'doorverwezen') AS INTEGER) AS status_doorverwezen
FROM obstacle_facts AS o
GROUP BY o.cell, o.reported_at
)
SELECT c.cbs_code, k.reported_at, c.theme, c.category, c.phase, c.level,
    k.* EXCLUDE (cell, reported_at)
FROM counted AS k
JOIN obstacle_cells AS c USING (cell)
-- Report day first: a period filter then skips whole row groups (DuckDB zone maps). The
-- cell number sorts as cbs_code, theme, category, phase NULLS FIRST, level.
ORDER BY k.reported_at, k.cell;

COMMENT ON COLUMN marts.obstacle_counts.cbs_code IS 'Municipality (government) the obstacles are with.';
COMMENT ON COLUMN marts.obstacle_counts.reported_at IS 'Day the obstacles were reported.';
COMMENT ON COLUMN marts.obstacle_counts.theme IS 'Theme code.';
COMMENT ON COLUMN marts.obstacle_counts.category IS 'Category code.';
COMMENT ON COLUMN marts.obstacle_counts.phase IS 'Phase of the reporting initiative (startend, ervaren); NULL when unknown or reported without initiative.';
COMMENT ON COLUMN marts.obstacle_counts.level IS 'Where it must be solved: gemeente, regio, provincie, rijk.';
COMMENT ON COLUMN marts.obstacle_counts.obstacles IS 'Obstacles.';
COMMENT ON COLUMN marts.obstacle_counts.answered IS 'Of them: with at least one response of any outcome.';
COMMENT ON COLUMN marts.obstacle_counts.resolved IS 'Of them: with an opgelost or deels_opgelost response.';
COMMENT ON COLUMN marts.obstacle_counts.stale IS 'Of them: without a decision (open, ontvangen, in_behandeling) and reported 90 days or more before the as-of day.';
COMMENT ON COLUMN marts.obstacle_counts.followed_90d IS 'Of them: reported 90 days or more before the as-of day (followed at least 90 days).';
COMMENT ON COLUMN marts.obstacle_counts.resolved_in_90d IS 'Of the followed_90d: (partly) resolved within 90 days of the report.';
COMMENT ON COLUMN marts.obstacle_counts.reported_last_12m IS 'Of them: reported in the 12 months up to the as-of day.';
COMMENT ON COLUMN marts.obstacle_counts.reported_prior_12m IS 'Of them: reported in the 12 months before those.';
COMMENT ON COLUMN marts.obstacle_counts.severity_known IS 'Of them: with a severity.';
COMMENT ON COLUMN marts.obstacle_counts.severe IS 'Of them: with severity 3 (hoog).';
COMMENT ON COLUMN marts.obstacle_counts.severity_sum IS 'Sum of their severities (1..3), for the mean over severity_known.';
COMMENT ON COLUMN marts.obstacle_counts.status_open IS 'Of them: status open (no response yet).';
COMMENT ON COLUMN marts.obstacle_counts.status_ontvangen IS 'Of them: status ontvangen.';
COMMENT ON COLUMN marts.obstacle_counts.status_in_behandeling IS 'Of them: status in_behandeling.';
COMMENT ON COLUMN marts.obstacle_counts.status_opgelost IS 'Of them: status opgelost.';
COMMENT ON COLUMN marts.obstacle_counts.status_deels_opgelost IS 'Of them: status deels_opgelost.';
COMMENT ON COLUMN marts.obstacle_counts.status_afgewezen IS 'Of them: status afgewezen (refused).';
COMMENT ON COLUMN marts.obstacle_counts.status_doorverwezen IS 'Of them: status doorverwezen.';
