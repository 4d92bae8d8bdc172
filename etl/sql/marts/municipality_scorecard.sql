-- One row per municipality of the province, over all obstacles up to the as-of day: its counts here; every figure of etl/metrics/registry.py with its 95% interval is added by etl.marts from the count marts.
CREATE OR REPLACE TABLE marts.municipality_scorecard AS
WITH obstacle_totals AS (
    SELECT
        cbs_code,
        sum(obstacles) AS obstacles,
        sum(status_open) AS obstacles_open,
        sum(answered) AS obstacles_answered,
        sum(resolved) AS obstacles_resolved,
        sum(status_afgewezen) AS obstacles_refused
    FROM marts.obstacle_counts_by_kind
    GROUP BY cbs_code
),
initiative_totals AS (
    SELECT cbs_code, sum(initiatives) AS initiatives
    FROM marts.initiative_counts_by_kind
    GROUP BY cbs_code
)
SELECT
    m.cbs_code,
    m.name,
    m.population,
    CAST(coalesce(i.initiatives, 0) AS INTEGER) AS initiatives,
    CAST(coalesce(o.obstacles, 0) AS INTEGER) AS obstacles,
    CAST(coalesce(o.obstacles_open, 0) AS INTEGER) AS obstacles_open,
    CAST(coalesce(o.obstacles_answered, 0) AS INTEGER) AS obstacles_answered,
    CAST(coalesce(o.obstacles_resolved, 0) AS INTEGER) AS obstacles_resolved,
    CAST(coalesce(o.obstacles_refused, 0) AS INTEGER) AS obstacles_refused
FROM core.municipalities AS m
LEFT JOIN obstacle_totals AS o USING (cbs_code)
LEFT JOIN initiative_totals AS i USING (cbs_code)
ORDER BY m.cbs_code;

COMMENT ON COLUMN marts.municipality_scorecard.cbs_code IS 'CBS municipality code (core.municipalities).';
COMMENT ON COLUMN marts.municipality_scorecard.name IS 'Official name.';
COMMENT ON COLUMN marts.municipality_scorecard.population IS 'Inhabitants (core.municipalities.population).';
COMMENT ON COLUMN marts.municipality_scorecard.initiatives IS 'Initiatives registered in the municipality (core.initiatives).';
COMMENT ON COLUMN marts.municipality_scorecard.obstacles IS 'Obstacles with the municipality, reported up to the as-of day.';
COMMENT ON COLUMN marts.municipality_scorecard.obstacles_open IS 'Obstacles without any response yet (status open); censored at the as-of day in the Kaplan-Meier figures.';
COMMENT ON COLUMN marts.municipality_scorecard.obstacles_answered IS 'Obstacles with at least one response of any outcome.';
COMMENT ON COLUMN marts.municipality_scorecard.obstacles_resolved IS 'Obstacles with an opgelost or deels_opgelost response (resolved_at not NULL).';
COMMENT ON COLUMN marts.municipality_scorecard.obstacles_refused IS 'Obstacles whose status (latest response) is afgewezen.';
