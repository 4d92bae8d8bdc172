-- One row per (event, municipality, days): marts.survival_counts summed over report days, themes, categories, phases and levels.
-- The Kaplan-Meier curves of the default view, from at most municipalities x days rows.
CREATE OR REPLACE TABLE marts.survival_counts_by_municipality AS
SELECT
    event,
    cbs_code,
    days,
    CAST(sum(events) AS INTEGER) AS events,
    CAST(sum(censored) AS INTEGER) AS censored
FROM marts.survival_counts
GROUP BY event, cbs_code, days
ORDER BY event, cbs_code, days;

COMMENT ON COLUMN marts.survival_counts_by_municipality.event IS 'first_response or resolution.';
COMMENT ON COLUMN marts.survival_counts_by_municipality.cbs_code IS 'Municipality (government) the obstacles are with.';
COMMENT ON COLUMN marts.survival_counts_by_municipality.days IS 'Days from the report to the event, or to the as-of day.';
COMMENT ON COLUMN marts.survival_counts_by_municipality.events IS 'Obstacles whose event happened after this many days.';
COMMENT ON COLUMN marts.survival_counts_by_municipality.censored IS 'Obstacles still without the event on the as-of day, this many days after their report.';
