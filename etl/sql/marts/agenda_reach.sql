-- One row per (place, agenda item) with obstacles, over all obstacles up to the as-of day: how many different municipalities and initiatives the item touches there.
-- Different initiatives cannot be added up across municipalities or days (one initiative
-- may report several), so the social agenda of a whole place (province, region,
-- municipality) reads its counts here; other selections count them in initiative_reach.
CREATE OR REPLACE TABLE marts.agenda_reach AS
WITH places AS (
    SELECT 'provincie' AS place_kind, '' AS place_code, cbs_code FROM core.municipalities
    UNION ALL
    SELECT 'regio', region_code, cbs_code FROM core.region_members
    UNION ALL
    SELECT 'gemeente', cbs_code, cbs_code FROM core.municipalities
),
-- Counting different municipalities and initiatives needs only the distinct combinations:
-- far fewer rows to spread over the places than one per obstacle.
reduced AS (
    SELECT DISTINCT cbs_code, category, theme, initiative_id FROM obstacle_facts
)
SELECT
    p.place_kind,
    p.place_code,
    CASE WHEN grouping(o.theme) = 1 THEN 'category' ELSE 'pair' END AS grouping,
    o.category,
    o.theme,
    CAST(count(DISTINCT o.cbs_code) AS INTEGER) AS municipalities,
    CAST(count(DISTINCT o.initiative_id) AS INTEGER) AS initiatives
FROM reduced AS o
JOIN places AS p USING (cbs_code)
GROUP BY GROUPING SETS (
    (p.place_kind, p.place_code, o.category, o.theme),
    (p.place_kind, p.place_code, o.category)
)
ORDER BY ALL;

COMMENT ON COLUMN marts.agenda_reach.place_kind IS 'provincie (the whole warehouse), regio or gemeente.';
COMMENT ON COLUMN marts.agenda_reach.place_code IS 'Region code or CBS code; empty for the province.';
COMMENT ON COLUMN marts.agenda_reach.grouping IS 'pair (category within a theme) or category (the category alone; theme NULL).';
COMMENT ON COLUMN marts.agenda_reach.category IS 'Category code.';
COMMENT ON COLUMN marts.agenda_reach.theme IS 'Theme code; NULL for the category alone.';
COMMENT ON COLUMN marts.agenda_reach.municipalities IS 'Different municipalities with at least one such obstacle.';
COMMENT ON COLUMN marts.agenda_reach.initiatives IS 'Different initiatives that reported such an obstacle (reports without initiative do not count).';
