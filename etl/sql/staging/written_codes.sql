-- One row per (vocabulary, value as written) in the exports: the code it stands for, NULL when unknown.
-- Judged once per distinct value, not once per row: a million obstacles write a few hundred
-- different themes, categories, severities and levels.
CREATE OR REPLACE TEMP TABLE written_codes AS
WITH written AS (
    SELECT DISTINCT 'theme' AS vocabulary, thema AS written FROM raw_obstacles
    UNION SELECT DISTINCT 'category', categorie FROM raw_obstacles
    UNION SELECT DISTINCT 'severity', ernst FROM raw_obstacles
    UNION SELECT DISTINCT 'level', niveau FROM raw_obstacles
    UNION SELECT DISTINCT 'outcome', uitkomst FROM raw_responses
    UNION SELECT DISTINCT 'legal_form', rechtsvorm FROM raw_initiatives
    UNION SELECT DISTINCT 'phase', fase FROM raw_initiatives
    UNION SELECT DISTINCT 'consent', zichtbaar FROM raw_initiatives
    UNION SELECT DISTINCT 'theme', part FROM initiative_theme_parts
)
SELECT w.vocabulary, w.written, v.code
FROM written AS w
LEFT JOIN ref_vocabulary AS v ON v.vocabulary = w.vocabulary AND v.key = norm_key(w.written)
WHERE w.written IS NOT NULL
ORDER BY w.vocabulary, w.written;
