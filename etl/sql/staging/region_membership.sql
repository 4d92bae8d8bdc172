-- One row per (region, municipality of the warehouse): the shipped members, or all valid rows of an analyst's region that replaces or adds a region.
CREATE OR REPLACE TEMP TABLE region_membership AS
SELECT DISTINCT region_code, cbs_code
FROM (
    SELECT region_code, cbs_code
    FROM ref_region_members
    WHERE region_code NOT IN (SELECT region_code FROM analyst_regions)
    UNION ALL
    SELECT region_code, cbs_code FROM accepted_regions WHERE is_latest
)
WHERE cbs_code IN (SELECT cbs_code FROM core.municipalities)
ORDER BY region_code, cbs_code;
