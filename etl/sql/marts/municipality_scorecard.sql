-- One row per municipality of the province, over all obstacles up to the as-of day: counts here, statistics (Kaplan-Meier, Wilson, Poisson) filled in by etl.marts from etl.metrics.
CREATE OR REPLACE TABLE marts.municipality_scorecard AS
WITH initiative_counts AS (
    SELECT cbs_code, count(*) AS initiatives
    FROM core.initiatives
    GROUP BY cbs_code
),
obstacle_counts AS (
    SELECT
        cbs_code,
        count(*) AS obstacles,
        count(*) FILTER (WHERE first_response_at IS NULL) AS obstacles_open,
        count(*) FILTER (WHERE first_response_at IS NOT NULL) AS obstacles_answered,
        count(*) FILTER (WHERE resolved_at IS NOT NULL) AS obstacles_resolved,
        count(*) FILTER (WHERE status = 'afgewezen') AS obstacles_refused
    FROM core.obstacles
    GROUP BY cbs_code
)
SELECT
    m.cbs_code,
    m.name,
    m.population,
    CAST(coalesce(i.initiatives, 0) AS INTEGER) AS initiatives,
    CAST(NULL AS DOUBLE) AS initiatives_per_10k,
    CAST(NULL AS DOUBLE) AS initiatives_per_10k_low,
    CAST(NULL AS DOUBLE) AS initiatives_per_10k_high,
    CAST(coalesce(o.obstacles, 0) AS INTEGER) AS obstacles,
    CAST(NULL AS DOUBLE) AS obstacles_per_10k,
    CAST(NULL AS DOUBLE) AS obstacles_per_10k_low,
    CAST(NULL AS DOUBLE) AS obstacles_per_10k_high,
    CAST(coalesce(o.obstacles_open, 0) AS INTEGER) AS obstacles_open,
    CAST(coalesce(o.obstacles_answered, 0) AS INTEGER) AS obstacles_answered,
    CAST(coalesce(o.obstacles_resolved, 0) AS INTEGER) AS obstacles_resolved,
    CAST(coalesce(o.obstacles_refused, 0) AS INTEGER) AS obstacles_refused,
    CAST(NULL AS DOUBLE) AS first_response_within_30d,
    CAST(NULL AS DOUBLE) AS first_response_within_30d_low,
    CAST(NULL AS DOUBLE) AS first_response_within_30d_high,
    CAST(NULL AS DOUBLE) AS first_response_within_90d,
    CAST(NULL AS DOUBLE) AS first_response_within_90d_low,
    CAST(NULL AS DOUBLE) AS first_response_within_90d_high,
    CAST(NULL AS DOUBLE) AS median_days_to_first_response,
    CAST(NULL AS DOUBLE) AS median_days_to_first_response_low,
    CAST(NULL AS DOUBLE) AS median_days_to_first_response_high,
    CAST(NULL AS DOUBLE) AS answered_share,
    CAST(NULL AS DOUBLE) AS answered_share_low,
    CAST(NULL AS DOUBLE) AS answered_share_high,
    CAST(NULL AS DOUBLE) AS resolved_share,
    CAST(NULL AS DOUBLE) AS resolved_share_low,
    CAST(NULL AS DOUBLE) AS resolved_share_high,
    CAST(NULL AS DOUBLE) AS resolved_within_90d,
    CAST(NULL AS DOUBLE) AS resolved_within_90d_low,
    CAST(NULL AS DOUBLE) AS resolved_within_90d_high,
    CAST(NULL AS DOUBLE) AS median_days_to_resolution,
    CAST(NULL AS DOUBLE) AS median_days_to_resolution_low,
    CAST(NULL AS DOUBLE) AS median_days_to_resolution_high,
    CAST(NULL AS DOUBLE) AS refused_share,
    CAST(NULL AS DOUBLE) AS refused_share_low,
    CAST(NULL AS DOUBLE) AS refused_share_high,
    CAST(NULL AS BOOLEAN) AS small_numbers
FROM core.municipalities AS m
LEFT JOIN initiative_counts AS i USING (cbs_code)
LEFT JOIN obstacle_counts AS o USING (cbs_code)
ORDER BY m.cbs_code;

COMMENT ON COLUMN marts.municipality_scorecard.cbs_code IS 'CBS municipality code (core.municipalities).';
COMMENT ON COLUMN marts.municipality_scorecard.name IS 'Official name.';
COMMENT ON COLUMN marts.municipality_scorecard.population IS 'Inhabitants (core.municipalities.population).';
COMMENT ON COLUMN marts.municipality_scorecard.initiatives IS 'Initiatives registered in the municipality (core.initiatives).';
COMMENT ON COLUMN marts.municipality_scorecard.initiatives_per_10k IS 'Initiatives per 10,000 inhabitants.';
COMMENT ON COLUMN marts.municipality_scorecard.initiatives_per_10k_low IS 'Lower end of its 95% exact Poisson (Garwood) interval.';
COMMENT ON COLUMN marts.municipality_scorecard.initiatives_per_10k_high IS 'Upper end of its 95% exact Poisson (Garwood) interval.';
COMMENT ON COLUMN marts.municipality_scorecard.obstacles IS 'Obstacles with the municipality, reported up to the as-of day.';
COMMENT ON COLUMN marts.municipality_scorecard.obstacles_per_10k IS 'Obstacles per 10,000 inhabitants (0 when there are none: the population is known).';
COMMENT ON COLUMN marts.municipality_scorecard.obstacles_per_10k_low IS 'Lower end of its 95% exact Poisson (Garwood) interval.';
COMMENT ON COLUMN marts.municipality_scorecard.obstacles_per_10k_high IS 'Upper end of its 95% exact Poisson (Garwood) interval.';
COMMENT ON COLUMN marts.municipality_scorecard.obstacles_open IS 'Obstacles without any response yet (status open); censored at the as-of day in the Kaplan-Meier figures.';
COMMENT ON COLUMN marts.municipality_scorecard.obstacles_answered IS 'Obstacles with at least one response of any outcome.';
COMMENT ON COLUMN marts.municipality_scorecard.obstacles_resolved IS 'Obstacles with an opgelost or deels_opgelost response (resolved_at not NULL).';
COMMENT ON COLUMN marts.municipality_scorecard.obstacles_refused IS 'Obstacles whose status (latest response) is afgewezen.';
COMMENT ON COLUMN marts.municipality_scorecard.first_response_within_30d IS 'Kaplan-Meier share with a first response within 30 days (report day = day 0), unanswered obstacles censored at the as-of day; NULL when none was followed 30 days.';
COMMENT ON COLUMN marts.municipality_scorecard.first_response_within_30d_low IS 'Lower end of its 95% interval (log-log; Wilson where the estimate is 0 or 1).';
COMMENT ON COLUMN marts.municipality_scorecard.first_response_within_30d_high IS 'Upper end of its 95% interval (log-log; Wilson where the estimate is 0 or 1).';
COMMENT ON COLUMN marts.municipality_scorecard.first_response_within_90d IS 'Kaplan-Meier share with a first response within 90 days, as first_response_within_30d.';
COMMENT ON COLUMN marts.municipality_scorecard.first_response_within_90d_low IS 'Lower end of its 95% interval.';
COMMENT ON COLUMN marts.municipality_scorecard.first_response_within_90d_high IS 'Upper end of its 95% interval.';
COMMENT ON COLUMN marts.municipality_scorecard.median_days_to_first_response IS 'Kaplan-Meier median days to first response: first day the curve is at or below one half; NULL when it never gets there.';
COMMENT ON COLUMN marts.municipality_scorecard.median_days_to_first_response_low IS 'Lower end of its 95% interval (Brookmeyer-Crowley, log-log band).';
COMMENT ON COLUMN marts.municipality_scorecard.median_days_to_first_response_high IS 'Upper end of its 95% interval; NULL when not reached (longer than observed).';
COMMENT ON COLUMN marts.municipality_scorecard.answered_share IS 'Obstacles with any response over all obstacles (not corrected for time; see the Kaplan-Meier columns).';
COMMENT ON COLUMN marts.municipality_scorecard.answered_share_low IS 'Lower end of its 95% Wilson interval.';
COMMENT ON COLUMN marts.municipality_scorecard.answered_share_high IS 'Upper end of its 95% Wilson interval.';
COMMENT ON COLUMN marts.municipality_scorecard.resolved_share IS 'Resolved (opgelost or deels_opgelost) over all obstacles; NULL when there are none.';
COMMENT ON COLUMN marts.municipality_scorecard.resolved_share_low IS 'Lower end of its 95% Wilson interval.';
COMMENT ON COLUMN marts.municipality_scorecard.resolved_share_high IS 'Upper end of its 95% Wilson interval.';
COMMENT ON COLUMN marts.municipality_scorecard.resolved_within_90d IS 'Kaplan-Meier share resolved within 90 days, unresolved (also refused) obstacles censored at the as-of day.';
COMMENT ON COLUMN marts.municipality_scorecard.resolved_within_90d_low IS 'Lower end of its 95% interval.';
COMMENT ON COLUMN marts.municipality_scorecard.resolved_within_90d_high IS 'Upper end of its 95% interval.';
COMMENT ON COLUMN marts.municipality_scorecard.median_days_to_resolution IS 'Kaplan-Meier median days to resolution; NULL when the curve never reaches one half.';
COMMENT ON COLUMN marts.municipality_scorecard.median_days_to_resolution_low IS 'Lower end of its 95% interval (Brookmeyer-Crowley, log-log band).';
COMMENT ON COLUMN marts.municipality_scorecard.median_days_to_resolution_high IS 'Upper end of its 95% interval; NULL when not reached.';
COMMENT ON COLUMN marts.municipality_scorecard.refused_share IS 'Obstacles whose status is afgewezen over all obstacles; NULL when there are none.';
COMMENT ON COLUMN marts.municipality_scorecard.refused_share_low IS 'Lower end of its 95% Wilson interval.';
COMMENT ON COLUMN marts.municipality_scorecard.refused_share_high IS 'Upper end of its 95% Wilson interval.';
COMMENT ON COLUMN marts.municipality_scorecard.small_numbers IS 'True when the municipality has fewer than OMZIEN_SMALL_NUMBERS (default 10) obstacles: figures based on few cases, never ranked.';
