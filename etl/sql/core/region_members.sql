-- One row per municipality in a region; a municipality can be in several regions (U10 lies inside U16).
CREATE OR REPLACE TABLE core.region_members AS
SELECT region_code, cbs_code
FROM region_membership
ORDER BY region_code, cbs_code;

COMMENT ON COLUMN core.region_members.region_code IS 'The region (core.regions).';
COMMENT ON COLUMN core.region_members.cbs_code IS 'The member municipality (core.municipalities).';
