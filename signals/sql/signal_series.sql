-- One row per (signal, month) from the start of the signal's history to the as-of month: the unit's monthly value against what its history leads to expect.
CREATE TABLE marts.signal_series (
    signal_key VARCHAR NOT NULL,
    month DATE NOT NULL,
    period VARCHAR NOT NULL,
    cases INTEGER NOT NULL,
    value DOUBLE,
    expected DOUBLE,
    expected_low DOUBLE,
    expected_high DOUBLE
);

COMMENT ON COLUMN marts.signal_series.signal_key IS 'The signal (marts.signals.signal_key).';
COMMENT ON COLUMN marts.signal_series.month IS 'First day of the month (of report).';
COMMENT ON COLUMN marts.signal_series.period IS 'before (the history) or after (the changed period).';
COMMENT ON COLUMN marts.signal_series.cases IS 'Obstacles reported that month.';
COMMENT ON COLUMN marts.signal_series.value IS 'Volume: obstacles that month. Response, resolution: the Kaplan-Meier share of that month''s obstacles with the event within the horizon; NULL when nobody was followed that long or the month has fewer obstacles than the suppression threshold.';
COMMENT ON COLUMN marts.signal_series.expected IS 'What the history leads to expect that month.';
COMMENT ON COLUMN marts.signal_series.expected_low IS 'Lower end of the 95% band around the expectation (overdispersion included).';
COMMENT ON COLUMN marts.signal_series.expected_high IS 'Upper end of that band.';
