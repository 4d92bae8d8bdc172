-- One row per municipality of the province that has a boundary in the boundary file of data/raw/geo/ (outline simplified for display, WGS84).
CREATE OR REPLACE TABLE core.municipality_boundaries (
    cbs_code VARCHAR,
    geometry_geojson VARCHAR,
    area_km2 DOUBLE,
    source_path VARCHAR,
    boundary_year INTEGER
);

COMMENT ON COLUMN core.municipality_boundaries.cbs_code IS 'The municipality (core.municipalities).';
COMMENT ON COLUMN core.municipality_boundaries.geometry_geojson IS 'Outline as a GeoJSON MultiPolygon geometry in WGS84 (lon, lat; 6 decimals; exterior rings counter-clockwise), simplified by 50 m for a province map; several features with one code are merged.';
COMMENT ON COLUMN core.municipality_boundaries.area_km2 IS 'Area in km² of the unsimplified outline, computed in RD New (EPSG:28992).';
COMMENT ON COLUMN core.municipality_boundaries.source_path IS 'Boundary file the outline comes from, relative to data/raw/ (etl.files).';
COMMENT ON COLUMN core.municipality_boundaries.boundary_year IS 'Year of the boundaries, from jrstatcode (2024GM0344) or jaarcode in the file; NULL when the file does not say.';
