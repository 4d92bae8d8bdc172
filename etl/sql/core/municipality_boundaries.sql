-- One row per municipality of the province that has a boundary: from the boundary file of data/raw/geo/, or else from the set shipped with omzien (outline simplified for display, WGS84).
CREATE OR REPLACE TABLE core.municipality_boundaries (
    cbs_code VARCHAR,
    geometry_geojson VARCHAR,
    area_km2 DOUBLE,
    source_path VARCHAR,
    boundary_year INTEGER,
    attribution VARCHAR
);

COMMENT ON COLUMN core.municipality_boundaries.cbs_code IS 'The municipality (core.municipalities).';
COMMENT ON COLUMN core.municipality_boundaries.geometry_geojson IS 'Outline as a GeoJSON MultiPolygon geometry in WGS84 (lon, lat; 6 decimals; exterior rings counter-clockwise). From a file: simplified by 50 m for a province map, several features with one code merged. Shipped: simplified by 100 m as one coverage, so neighbours share their borders exactly.';
COMMENT ON COLUMN core.municipality_boundaries.area_km2 IS 'Area in km² of the unsimplified outline, computed in RD New (EPSG:28992).';
COMMENT ON COLUMN core.municipality_boundaries.source_path IS 'Boundary file the outline comes from, relative to data/raw/ (see its etl.files row); ''(meegeleverd) gemeenten_2024_display'' for the shipped set, reference data without an etl.files row.';
COMMENT ON COLUMN core.municipality_boundaries.boundary_year IS 'Year of the boundaries, from jrstatcode (2024GM0344) or jaarcode in the file (2024 for the shipped set); NULL when the file does not say.';
COMMENT ON COLUMN core.municipality_boundaries.attribution IS 'Source credit (Dutch) to show with a map of this outline: the file''s own bron/attribution column, else CBS/PDOK with the year for a file with CBS year codes, else the file name; for the shipped set CBS/PDOK Gebiedsindelingen 2024, CC BY 4.0.';
