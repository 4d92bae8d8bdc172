-- One row per municipality in a region; a municipality can be in several regions (U10 lies inside U16).
CREATE OR REPLACE TABLE core.region_members AS
SELECT m.region_code, m.cbs_code
FROM ref_region_members AS m
JOIN core.municipalities USING (cbs_code)
ORDER BY m.region_code, m.cbs_code;

COMMENT ON COLUMN core.region_members.region_code IS 'The region (core.regions).';
COMMENT ON COLUMN core.region_members.cbs_code IS 'The member municipality (core.municipalities).';
