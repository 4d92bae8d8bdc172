-- One row per initiative id on an erasure list (AVG): it and everything hanging from it is left out.
CREATE OR REPLACE TEMP TABLE erased_initiatives AS
SELECT DISTINCT lower(trim(initiatief_id)) AS id_key
FROM raw_erasures
WHERE initiatief_id IS NOT NULL
ORDER BY id_key;
