-- One row per municipality the warehouse covers: those of its province, or all 342 for Nederland (CBS, 1 January 2024).
CREATE OR REPLACE TABLE core.municipalities AS
SELECT
    cbs_code,
    name,
    province,
    CAST(population AS INTEGER) AS population,
    CAST(population_year AS INTEGER) AS population_year,
    CAST(centroid_lon AS DOUBLE) AS centroid_lon,
    CAST(centroid_lat AS DOUBLE) AS centroid_lat
FROM ref_municipalities_nl
WHERE in_scope(province)
ORDER BY cbs_code;

COMMENT ON COLUMN core.municipalities.cbs_code IS 'CBS municipality code, e.g. GM0344.';
COMMENT ON COLUMN core.municipalities.name IS 'Official name (CBS Gebiedsindelingen 2024).';
COMMENT ON COLUMN core.municipalities.province IS 'Province the municipality lies in.';
COMMENT ON COLUMN core.municipalities.population IS 'Inhabitants (CBS Kerncijfers wijken en buurten).';
COMMENT ON COLUMN core.municipalities.population_year IS 'Year the population figure refers to.';
COMMENT ON COLUMN core.municipalities.centroid_lon IS 'Area centroid, WGS84 longitude.';
COMMENT ON COLUMN core.municipalities.centroid_lat IS 'Area centroid, WGS84 latitude.';
