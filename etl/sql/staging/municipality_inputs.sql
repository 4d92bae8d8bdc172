-- One row per municipality value as written in an export (initiatives fall back on their place).
CREATE OR REPLACE TEMP TABLE municipality_inputs AS
SELECT coalesce(gemeente, kern) AS value FROM raw_initiatives
UNION ALL
SELECT gemeente FROM raw_obstacles
UNION ALL
SELECT gemeente FROM raw_regions;
