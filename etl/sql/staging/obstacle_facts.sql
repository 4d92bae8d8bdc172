-- One row per obstacle in core, with its initiative's phase: the one join every obstacle mart starts from.
CREATE OR REPLACE TEMP TABLE obstacle_facts AS
SELECT
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
LEFT JOIN core.initiatives AS i USING (initiative_id);
