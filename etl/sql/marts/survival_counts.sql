-- One row per (event, municipality, report day, theme, category, initiative phase, level, days): obstacles whose event came after that many days, or still without it when followed that many days to the as-of day.
-- A Kaplan-Meier curve needs exactly these per-day counts (etl.metrics.survival), so the
-- curve of any selection is the sum of its rows: events and censored per day.
-- One aggregation per event straight from obstacle_facts (no cross join doubling the rows).
-- Grouped by the number of the five texts (obstacle_cells), which are named afterwards.
CREATE OR REPLACE TABLE marts.survival_counts AS
WITH counted AS (
    SELECT
        'first_response' AS event,
        -- sorts as event does: a number is a cheaper sort key than a text
        1 AS event_order,
        cell,
        reported_at,
        CAST(date_diff('day', reported_at, coalesce(first_response_at, as_of())) AS INTEGER)
            AS days,
        CAST(count(first_response_at) AS INTEGER) AS events,
        CAST(count(*) - count(first_response_at) AS INTEGER) AS censored
    FROM obstacle_facts
    GROUP BY ALL
    UNION ALL
    SELECT
        'resolution',
        2,
        cell,
        reported_at,
        CAST(date_diff('day', reported_at, coalesce(resolved_at, as_of())) AS INTEGER),
        CAST(count(resolved_at) AS INTEGER),
        CAST(count(*) - count(resolved_at) AS INTEGER)
    FROM obstacle_facts
    GROUP BY ALL
)
SELECT k.event, c.cbs_code, k.reported_at, c.theme, c.category, c.phase, c.level, k.days,
    k.events, k.censored
FROM counted AS k
JOIN obstacle_cells AS c USING (cell)
-- The cell number sorts as cbs_code, theme, category, phase NULLS FIRST, level.
ORDER BY k.event_order, k.reported_at, k.cell, k.days;

COMMENT ON COLUMN marts.survival_counts.event IS 'first_response (earliest response of any outcome) or resolution (earliest opgelost or deels_opgelost).';
COMMENT ON COLUMN marts.survival_counts.cbs_code IS 'Municipality (government) the obstacles are with.';
COMMENT ON COLUMN marts.survival_counts.reported_at IS 'Day the obstacles were reported.';
COMMENT ON COLUMN marts.survival_counts.theme IS 'Theme code.';
COMMENT ON COLUMN marts.survival_counts.category IS 'Category code.';
COMMENT ON COLUMN marts.survival_counts.phase IS 'Phase of the reporting initiative; NULL when unknown or reported without initiative.';
COMMENT ON COLUMN marts.survival_counts.level IS 'Where it must be solved.';
COMMENT ON COLUMN marts.survival_counts.days IS 'Days from the report to the event, or to the as-of day when it has not happened (report day = day 0).';
COMMENT ON COLUMN marts.survival_counts.events IS 'Obstacles whose event happened after this many days.';
COMMENT ON COLUMN marts.survival_counts.censored IS 'Obstacles still without the event on the as-of day, this many days after their report (censored).';
