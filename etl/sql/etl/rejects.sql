-- One row per (rejected row, broken rule): a row that breaks two rules appears twice; a file rejected whole has one row without row_number.
CREATE TABLE IF NOT EXISTS etl.rejects (
    load_id INTEGER,
    path VARCHAR,
    source VARCHAR,
    row_number INTEGER,
    field VARCHAR,
    value VARCHAR,
    reason VARCHAR,
    rule VARCHAR,
    record_id VARCHAR,
    parent_id VARCHAR
);

COMMENT ON COLUMN etl.rejects.load_id IS 'The load (etl.loads).';
COMMENT ON COLUMN etl.rejects.path IS 'File path relative to data/raw/.';
COMMENT ON COLUMN etl.rejects.source IS 'initiatives, obstacles, responses, aliases, erasures or boundaries.';
COMMENT ON COLUMN etl.rejects.row_number IS 'Row as a spreadsheet counts it (header = 1), for a boundary file the feature number (1 = first); NULL when the whole file was rejected.';
COMMENT ON COLUMN etl.rejects.field IS 'Column (Dutch contract name) that broke the rule.';
COMMENT ON COLUMN etl.rejects.value IS 'The value as written, redacted; personal-data columns are masked.';
COMMENT ON COLUMN etl.rejects.reason IS 'Why, in Dutch, for whoever fixes the form data.';
COMMENT ON COLUMN etl.rejects.rule IS 'Stable name of the rule, for filtering.';
COMMENT ON COLUMN etl.rejects.record_id IS 'Id of the rejected row as written (initiatief_id, knelpunt_id, reactie_id); NULL for other sources and whole files. An erasure removes the rejects of its records from every kept load.';
COMMENT ON COLUMN etl.rejects.parent_id IS 'Id of the record the row hangs from: an obstacle''s initiatief_id, a response''s knelpunt_id; NULL otherwise.';
