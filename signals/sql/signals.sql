-- One row per signal of the latest load: a municipality or region whose volume, first responses or resolution changed against its own history, with the evidence; signals the previous load had and this one no longer has are kept once as ended.
CREATE TABLE marts.signals (
    signal_key VARCHAR NOT NULL,
    load_id INTEGER NOT NULL,
    unit_kind VARCHAR NOT NULL,
    unit_code VARCHAR NOT NULL,
    municipality_code VARCHAR,
    region_code VARCHAR,
    unit_name VARCHAR NOT NULL,
    measure VARCHAR NOT NULL,
    theme VARCHAR,
    category VARCHAR,
    direction VARCHAR NOT NULL,
    since DATE NOT NULL,
    baseline_start DATE NOT NULL,
    window_months INTEGER NOT NULL,
    status VARCHAR NOT NULL,
    first_seen_load INTEGER NOT NULL,
    before_cases INTEGER NOT NULL,
    before_events INTEGER,
    after_cases INTEGER NOT NULL,
    after_events INTEGER,
    before_value DOUBLE,
    after_value DOUBLE,
    expected DOUBLE,
    effect DOUBLE,
    dispersion DOUBLE NOT NULL,
    p_value DOUBLE NOT NULL,
    q_value DOUBLE NOT NULL,
    sentence VARCHAR NOT NULL
);

COMMENT ON COLUMN marts.signals.signal_key IS 'Stable key of the signal across loads: unit kind, unit code, measure, theme, category and direction joined by ":".';
COMMENT ON COLUMN marts.signals.load_id IS 'The load that computed this row.';
COMMENT ON COLUMN marts.signals.unit_kind IS 'gemeente (a municipality) or regio (a region of the network, as the sum of its municipalities).';
COMMENT ON COLUMN marts.signals.unit_code IS 'The municipality''s CBS code or the region''s code (whichever unit_kind says).';
COMMENT ON COLUMN marts.signals.municipality_code IS 'CBS code of the municipality (GM....); NULL for a region signal.';
COMMENT ON COLUMN marts.signals.region_code IS 'Code of the region (core.regions); NULL for a municipality signal.';
COMMENT ON COLUMN marts.signals.unit_name IS 'Name of the municipality or region.';
COMMENT ON COLUMN marts.signals.measure IS 'Key of the figure registry: obstacles (reported per month), first_response_within_30d or resolved_within_90d.';
COMMENT ON COLUMN marts.signals.theme IS 'Theme code of the obstacles compared; NULL = all themes.';
COMMENT ON COLUMN marts.signals.category IS 'Category code of the obstacles compared (volume per category); NULL = all categories.';
COMMENT ON COLUMN marts.signals.direction IS 'worse (more obstacles, fewer or later responses or resolutions) or better.';
COMMENT ON COLUMN marts.signals.since IS 'First day of the changed period (the recent window of 3, 6 or 12 months up to the as-of day that differs most).';
COMMENT ON COLUMN marts.signals.baseline_start IS 'First day of the history the window is compared with (the months just before it, at most 24).';
COMMENT ON COLUMN marts.signals.window_months IS 'Length of the changed period in months (3, 6 or 12; the running month counts with its days).';
COMMENT ON COLUMN marts.signals.status IS 'new (this load is the first to find it), ongoing (the previous load had it too) or ended (the previous load had it, this one does not; kept for one load).';
COMMENT ON COLUMN marts.signals.first_seen_load IS 'The load that first found this signal (of an unbroken run of loads).';
COMMENT ON COLUMN marts.signals.before_cases IS 'Obstacles reported in the history.';
COMMENT ON COLUMN marts.signals.before_events IS 'Of them: answered (first_response_within_30d) or (partly) resolved (resolved_within_90d) within the horizon; NULL for volume.';
COMMENT ON COLUMN marts.signals.after_cases IS 'Obstacles reported in the changed period.';
COMMENT ON COLUMN marts.signals.after_events IS 'Of them: with the event within the horizon so far (open obstacles count as far as they were followed); NULL for volume.';
COMMENT ON COLUMN marts.signals.before_value IS 'Volume: obstacles per month in the history. Response, resolution: the Kaplan-Meier share with the event within the horizon.';
COMMENT ON COLUMN marts.signals.after_value IS 'The same in the changed period.';
COMMENT ON COLUMN marts.signals.expected IS 'Volume: obstacles expected in the changed period (the history''s level, moving as the rest of the network''s reports moved). Response, resolution: events expected had the history''s pace held (log-rank).';
COMMENT ON COLUMN marts.signals.effect IS 'Size of the change: after_cases / expected (volume), after_value / before_value (response, resolution).';
COMMENT ON COLUMN marts.signals.dispersion IS 'Overdispersion factor (at least 1) by which the history''s months varied more than chance; it widens the test.';
COMMENT ON COLUMN marts.signals.p_value IS 'Two-sided p-value of the test, Simes-combined over the windows tried.';
COMMENT ON COLUMN marts.signals.q_value IS 'Benjamini-Hochberg adjusted p-value over every test of the load; a signal has q_value <= 0.05.';
COMMENT ON COLUMN marts.signals.sentence IS 'The signal in one Dutch sentence, with its counts.';
