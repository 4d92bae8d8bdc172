-- One row per distinct municipality value in the exports: the municipality it resolves to, or why it does not.
-- Order of the contract: code, current name, analyst alias, former municipality, place,
-- spelling variant. Within the first level that matches, more than one municipality is
-- ambiguous; nothing is ever assigned by guess.
CREATE OR REPLACE TEMP TABLE municipality_resolution AS
WITH inputs AS (
    SELECT DISTINCT value FROM municipality_inputs WHERE value IS NOT NULL
),
by_code AS (
    SELECT
        i.value,
        'GM' || lpad(regexp_extract(upper(trim(i.value)), '(\d{1,4})$', 1), 4, '0') AS cbs_code
    FROM inputs AS i
    WHERE regexp_full_match(upper(trim(i.value)), '(?:GM)? ?\d{1,4}')
),
candidates AS (
    SELECT c.value, c.cbs_code, 1 AS priority
    FROM by_code AS c
    JOIN ref_municipalities_nl AS n USING (cbs_code)
    UNION ALL
    SELECT i.value, n.cbs_code, n.priority
    FROM inputs AS i
    JOIN municipality_names AS n ON n.key = norm_key(i.value)
),
best_level AS (
    SELECT value, min(priority) AS priority FROM candidates GROUP BY value
),
chosen AS (
    SELECT
        c.value,
        count(DISTINCT c.cbs_code) AS n_municipalities,
        min(c.cbs_code) AS cbs_code,
        string_agg(DISTINCT n.name, ' of ' ORDER BY n.name) AS names
    FROM candidates AS c
    JOIN best_level AS b USING (value, priority)
    JOIN ref_municipalities_nl AS n USING (cbs_code)
    GROUP BY c.value
),
unresolved AS (
    SELECT i.value FROM inputs AS i ANTI JOIN chosen AS c USING (value)
),
closest AS (
    -- The closest known spelling, to suggest; never used to assign.
    SELECT
        u.value,
        arg_max(n.name, jaro_winkler_similarity(norm_key(u.value), k.key) * 1000 - k.priority) AS name
    FROM unresolved AS u
    CROSS JOIN municipality_names AS k
    JOIN ref_municipalities_nl AS n ON n.cbs_code = k.cbs_code
    WHERE norm_key(u.value) IS NOT NULL
    GROUP BY u.value
)
SELECT
    i.value,
    CASE WHEN c.n_municipalities = 1 AND in_scope(m.province)
        THEN c.cbs_code END AS cbs_code,
    CASE
        WHEN c.value IS NULL THEN 'unknown'
        WHEN c.n_municipalities > 1 THEN 'ambiguous'
        WHEN NOT in_scope(m.province) THEN 'out_of_scope'
    END AS problem,
    CASE
        WHEN c.value IS NULL THEN coalesce(s.name, '')
        WHEN c.n_municipalities > 1 THEN c.names
        ELSE m.name || ' (' || m.province || ')'
    END AS hint
FROM inputs AS i
LEFT JOIN chosen AS c USING (value)
LEFT JOIN ref_municipalities_nl AS m ON m.cbs_code = c.cbs_code AND c.n_municipalities = 1
LEFT JOIN closest AS s USING (value)
ORDER BY i.value;
