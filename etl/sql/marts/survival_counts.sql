-- One row per (event, municipality, report day, theme, category, initiative phase, level, days): obstacles whose event came after that many days, or still without it when followed that many days to the as-of day.
-- A Kaplan-Meier curve needs exactly these per-day counts (etl.metrics.survival), so the
-- curve of any selection is the sum of its rows: events and censored per day.
CREATE OR REPLACE TABLE marts.survival_counts AS
WITH durations AS (
    SELECT
        e.event,
        o.cbs_code,
        o.reported_at,
        o.theme,
        o.category,
        i.phase,
        o.level,
        CASE e.event WHEN 'first_response' THEN o.first_response_at ELSE o.resolved_at END
            AS happened_at
    FROM core.obstacles AS o
    LEFT JOIN core.initiatives AS i USING (initiative_id)
    CROSS JOIN (VALUES ('first_response'), ('resolution')) AS e (event)
)
SELECT
    event,
    cbs_code,
    reported_at,
    theme,
    category,
    phase,
    level,
    CAST(date_diff('day', reported_at, coalesce(happened_at, as_of())) AS INTEGER) AS days,
    CAST(count(happened_at) AS INTEGER) AS events,
    CAST(count(*) - count(happened_at) AS INTEGER) AS censored
FROM durations
GROUP BY ALL
ORDER BY event, reported_at, cbs_code, theme, category, phase NULLS FIRST, level, days;

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
