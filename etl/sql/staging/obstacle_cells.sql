-- One row per (municipality, theme, category, initiative phase, level) that obstacles in core have, numbered in that order.
-- The marts group and sort a million obstacles by these five texts; grouping and sorting by
-- one small number instead, and naming the texts once per group, is far cheaper. Numbered
-- in the order the marts sort (phase NULLS FIRST), so sorting by `cell` sorts by the texts.
CREATE OR REPLACE TEMP TABLE obstacle_cells AS
SELECT
    CAST(row_number() OVER (ORDER BY cbs_code, theme, category, phase NULLS FIRST, level)
        AS INTEGER) AS cell,
    cbs_code,
    theme,
    category,
    phase,
    level
FROM (
    SELECT DISTINCT o.cbs_code, o.theme, o.category, i.phase, o.level
    FROM core.obstacles AS o
    LEFT JOIN core.initiatives AS i USING (initiative_id)
);
