-- One row per (vocabulary, matching key): the code a code, label or alias written in an export stands for.
CREATE OR REPLACE TEMP TABLE ref_vocabulary AS
SELECT DISTINCT vocabulary, norm_key(written) AS key, code
FROM ref_vocabulary_terms
ORDER BY vocabulary, key;

-- Code of a value in one of the contract's vocabularies (by code, label or alias).
CREATE OR REPLACE TEMP MACRO vocab_code(vocabulary_name, x) AS (
    SELECT v.code FROM ref_vocabulary AS v
    WHERE v.vocabulary = vocabulary_name AND v.key = norm_key(x)
);
