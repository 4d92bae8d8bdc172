-- One row per regional grouping of municipalities (U10, U16, Regio Amersfoort, Regio Foodvalley, Stad Utrecht).
CREATE OR REPLACE TABLE core.regions AS
SELECT region_code, name, kind, CAST(sort_order AS INTEGER) AS sort_order, note
FROM ref_regions
ORDER BY sort_order;

COMMENT ON COLUMN core.regions.region_code IS 'Lower-case code: u10, u16, regio_amersfoort, regio_foodvalley, stad_utrecht.';
COMMENT ON COLUMN core.regions.name IS 'Name as the working group uses it.';
COMMENT ON COLUMN core.regions.kind IS 'samenwerkingsverband (regional co-operation) or stad (big-city area).';
COMMENT ON COLUMN core.regions.sort_order IS 'Order in which the dashboard lists regions.';
COMMENT ON COLUMN core.regions.note IS 'What to know about the membership (source, doubts).';
