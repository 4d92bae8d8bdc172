-- One row per export file a load read, with what became of its rows: read = loaded + rejected + superseded + erased + out of scope.
CREATE TABLE IF NOT EXISTS etl.files (
    load_id INTEGER,
    path VARCHAR,
    sha256 VARCHAR,
    source VARCHAR,
    rows_read INTEGER,
    rows_loaded INTEGER,
    rows_rejected INTEGER,
    rows_superseded INTEGER,
    rows_erased INTEGER,
    rows_out_of_scope INTEGER,
    error VARCHAR,
    encoding VARCHAR,
    delimiter VARCHAR,
    sheet VARCHAR,
    unknown_columns VARCHAR,
    synthetic BOOLEAN
);

COMMENT ON COLUMN etl.files.load_id IS 'The load (etl.loads).';
COMMENT ON COLUMN etl.files.path IS 'File path relative to data/raw/.';
COMMENT ON COLUMN etl.files.sha256 IS 'SHA-256 of the file as read; NULL when it was never opened (not a regular file, a link out of data/raw/, too large).';
COMMENT ON COLUMN etl.files.source IS 'initiatives, obstacles, responses, aliases, erasures, or boundaries (the boundary file of data/raw/geo/: rows are its features).';
COMMENT ON COLUMN etl.files.rows_read IS 'Non-empty data rows in the file.';
COMMENT ON COLUMN etl.files.rows_loaded IS 'Rows whose record is in core (the latest valid version of its id).';
COMMENT ON COLUMN etl.files.rows_rejected IS 'Rows that broke a rule (see etl.rejects); all rows when the file was rejected whole.';
COMMENT ON COLUMN etl.files.rows_superseded IS 'Valid rows replaced by a later row or file with the same id.';
COMMENT ON COLUMN etl.files.rows_erased IS 'Rows left out because their id is on an erasure list (AVG).';
COMMENT ON COLUMN etl.files.rows_out_of_scope IS 'Rows deliberately left out: boundary features of municipalities in other provinces (0 for exports).';
COMMENT ON COLUMN etl.files.error IS 'Why the whole file was rejected; NULL when it was read.';
COMMENT ON COLUMN etl.files.encoding IS 'Detected text encoding (csv).';
COMMENT ON COLUMN etl.files.delimiter IS 'Detected delimiter (csv).';
COMMENT ON COLUMN etl.files.sheet IS 'Sheet read (xlsx).';
COMMENT ON COLUMN etl.files.unknown_columns IS 'Headers that matched no contract column and were ignored.';
COMMENT ON COLUMN etl.files.synthetic IS 'True when the file is a synthetic demo export listed in a demo manifest.';
