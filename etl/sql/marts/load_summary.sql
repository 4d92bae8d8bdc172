-- One row for the whole warehouse: the period the data cover and how fresh they are.
CREATE OR REPLACE TABLE marts.load_summary AS
SELECT
    as_of() AS as_of,
    (SELECT min(reported_at) FROM core.obstacles) AS first_report,
    (SELECT max(reported_at) FROM core.obstacles) AS newest_report,
    (SELECT max(registered_at) FROM core.initiatives) AS newest_registration,
    (SELECT max(responded_at) FROM core.responses) AS newest_response,
    (SELECT CAST(count(*) AS INTEGER) FROM core.initiatives) AS initiatives,
    (SELECT CAST(count(*) AS INTEGER) FROM core.obstacles) AS obstacles,
    (SELECT CAST(count(*) AS INTEGER) FROM core.responses) AS responses;

COMMENT ON COLUMN marts.load_summary.as_of IS 'The as-of day of the load.';
COMMENT ON COLUMN marts.load_summary.first_report IS 'Earliest report day; NULL without obstacles.';
COMMENT ON COLUMN marts.load_summary.newest_report IS 'Latest report day.';
COMMENT ON COLUMN marts.load_summary.newest_registration IS 'Latest registration day of an initiative.';
COMMENT ON COLUMN marts.load_summary.newest_response IS 'Latest response day.';
COMMENT ON COLUMN marts.load_summary.initiatives IS 'Initiatives in core.';
COMMENT ON COLUMN marts.load_summary.obstacles IS 'Obstacles in core.';
COMMENT ON COLUMN marts.load_summary.responses IS 'Responses in core.';
