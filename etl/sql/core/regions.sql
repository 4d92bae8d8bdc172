-- One row per regional grouping of municipalities: the shipped groupings of the scope (Utrecht: U10, U16, Regio Amersfoort, Regio Foodvalley, Stad Utrecht; Nederland: the twelve provinces) and the analyst's own (regios*.csv), which replace a shipped one with the same code.
CREATE OR REPLACE TABLE core.regions AS
WITH candidates AS (
    SELECT region_code, name, kind, note, CAST(sort_order AS INTEGER) AS base_order,
        0 AS first_file, 0 AS first_row
    FROM ref_regions
    WHERE region_code NOT IN (SELECT region_code FROM analyst_regions)
    UNION ALL
    -- A replacement keeps the shipped region's place in the list; a new one comes after.
    SELECT a.region_code, a.name, a.kind, a.note,
        coalesce(CAST(s.sort_order AS INTEGER), 100000), a.first_file, a.first_row
    FROM analyst_regions AS a
    LEFT JOIN ref_regions AS s USING (region_code)
)
SELECT
    region_code,
    name,
    kind,
    CAST(row_number() OVER (ORDER BY base_order, first_file, first_row, region_code) AS INTEGER)
        AS sort_order,
    note
FROM candidates
-- A region none of whose members the warehouse covers is left out.
WHERE region_code IN (SELECT region_code FROM region_membership)
ORDER BY sort_order;

COMMENT ON COLUMN core.regions.region_code IS 'Lower-case code, e.g. u10, u16, regio_amersfoort, stad_utrecht; for Nederland the provinces (utrecht, noord_holland, ...); or the regio_code of an analyst''s region file.';
COMMENT ON COLUMN core.regions.name IS 'Name as the network uses it.';
COMMENT ON COLUMN core.regions.kind IS 'samenwerkingsverband (regional co-operation), stad (big-city area: the comparisons can show it apart) or provincie.';
COMMENT ON COLUMN core.regions.sort_order IS 'Order in which the dashboard lists regions: shipped ones first, then the analyst''s in file order.';
COMMENT ON COLUMN core.regions.note IS 'What to know about the membership (source, doubts).';
