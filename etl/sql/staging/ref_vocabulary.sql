-- One row per (vocabulary, matching key): the code a code, label or alias written in an export stands for.
CREATE OR REPLACE TEMP TABLE ref_vocabulary AS
SELECT DISTINCT vocabulary, norm_key(written) AS key, code
FROM ref_vocabulary_terms
ORDER BY vocabulary, key;

