-- One row per ETL run that built a warehouse (earlier runs are carried over from the previous file).
CREATE TABLE IF NOT EXISTS etl.loads (
    load_id INTEGER,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    status VARCHAR,
    as_of DATE,
    synthetic BOOLEAN,
    province VARCHAR,
    files INTEGER,
    rows_loaded INTEGER,
    rows_rejected INTEGER
);

COMMENT ON COLUMN etl.loads.load_id IS 'Number of the run, counting up.';
COMMENT ON COLUMN etl.loads.started_at IS 'When the run started (local time).';
COMMENT ON COLUMN etl.loads.finished_at IS 'When the new warehouse was complete.';
COMMENT ON COLUMN etl.loads.status IS 'completed, or completed_with_rejects when rows or files were rejected.';
COMMENT ON COLUMN etl.loads.as_of IS 'The as-of day (peildatum): later dates are invalid, open obstacles are censored here.';
COMMENT ON COLUMN etl.loads.synthetic IS 'True when every export of the load is a synthetic demo export (omzien demo); real exports beside a demo folder leave the demo out.';
COMMENT ON COLUMN etl.loads.province IS 'Province the warehouse covers.';
COMMENT ON COLUMN etl.loads.files IS 'Number of export files read.';
COMMENT ON COLUMN etl.loads.rows_loaded IS 'Rows that made it into core, over all files.';
COMMENT ON COLUMN etl.loads.rows_rejected IS 'Rows rejected, over all files.';
