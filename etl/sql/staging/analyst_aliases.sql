-- One row per analyst alias that points to a known municipality (the latest row for an alias).
CREATE OR REPLACE TEMP TABLE analyst_aliases AS
SELECT alias, resolved_code AS cbs_code
FROM accepted_aliases
WHERE is_latest
ORDER BY alias_key;
