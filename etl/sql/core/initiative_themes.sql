-- One row per theme an initiative works on.
CREATE OR REPLACE TABLE core.initiative_themes AS
SELECT DISTINCT initiatief_id AS initiative_id, unnest(theme_codes) AS theme
FROM accepted_initiatives
WHERE is_latest
ORDER BY initiative_id, theme;

COMMENT ON COLUMN core.initiative_themes.initiative_id IS 'The initiative (core.initiatives).';
COMMENT ON COLUMN core.initiative_themes.theme IS 'Theme code from the input contract vocabulary, e.g. zorg_welzijn.';
