-- One row per obstacle in core, with its initiative's phase: the one join every obstacle mart starts from.
-- `cell` numbers its (municipality, theme, category, phase, level): see obstacle_cells.
CREATE OR REPLACE TEMP TABLE obstacle_facts AS
SELECT
    c.cell,
    o.cbs_code,
    o.reported_at,
    o.theme,
    o.category,
    i.phase,
    o.level,
    o.initiative_id,
    o.first_response_at,
    o.resolved_at,
    o.status,
    o.severity
FROM core.obstacles AS o
LEFT JOIN core.initiatives AS i USING (initiative_id)
JOIN obstacle_cells AS c
    ON c.cbs_code IS NOT DISTINCT FROM o.cbs_code AND c.theme IS NOT DISTINCT FROM o.theme
    AND c.category IS NOT DISTINCT FROM o.category AND c.phase IS NOT DISTINCT FROM i.phase
    AND c.level IS NOT DISTINCT FROM o.level;
