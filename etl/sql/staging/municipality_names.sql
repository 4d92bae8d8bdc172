-- One row per (matching key, municipality) a name, alias, former municipality, place or spelling gives, with its resolution priority.
CREATE OR REPLACE TEMP TABLE municipality_names AS
SELECT DISTINCT key, cbs_code, priority, kind
FROM (
    SELECT norm_key(name) AS key, cbs_code, 2 AS priority, 'name' AS kind FROM ref_municipalities_nl
    UNION ALL
    SELECT norm_key(alias), cbs_code, 3, 'analyst_alias' FROM analyst_aliases
    UNION ALL
    SELECT
        norm_key(alias),
        cbs_code,
        CASE kind WHEN 'former_municipality' THEN 4 WHEN 'place' THEN 5 ELSE 6 END,
        kind
    FROM ref_aliases
)
WHERE key IS NOT NULL
ORDER BY key, priority, cbs_code;
