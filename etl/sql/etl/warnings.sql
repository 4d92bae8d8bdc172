-- One row per warning of a load: a file that matched no source, or columns that were ignored.
CREATE TABLE IF NOT EXISTS etl.warnings (
    load_id INTEGER,
    path VARCHAR,
    kind VARCHAR,
    message VARCHAR
);

COMMENT ON COLUMN etl.warnings.load_id IS 'The load (etl.loads).';
COMMENT ON COLUMN etl.warnings.path IS 'File path relative to data/raw/.';
COMMENT ON COLUMN etl.warnings.kind IS 'unmatched_file, unknown_columns, skipped_folder (a folder that could not be listed, or a link to a folder) or demo_left_out (demo exports beside real ones); for boundary files boundary_ignored (not the last one), boundary_missing (municipalities without a boundary) or boundary_crs_assumed.';
COMMENT ON COLUMN etl.warnings.message IS 'The warning in Dutch.';
