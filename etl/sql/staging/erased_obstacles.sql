-- One row per obstacle id that is erased: listed itself, or reported by an erased initiative (in any version).
CREATE OR REPLACE TEMP TABLE erased_obstacles AS
SELECT DISTINCT id_key
FROM (
    SELECT lower(trim(knelpunt_id)) AS id_key FROM raw_erasures WHERE knelpunt_id IS NOT NULL
    UNION ALL
    SELECT lower(trim(o.knelpunt_id))
    FROM raw_obstacles AS o
    JOIN erased_initiatives AS e ON e.id_key = lower(trim(o.initiatief_id))
    WHERE o.knelpunt_id IS NOT NULL
)
ORDER BY id_key;
