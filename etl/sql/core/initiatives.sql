-- One row per resident initiative: its latest valid registration.
CREATE OR REPLACE TABLE core.initiatives AS
SELECT
    initiatief_id AS initiative_id,
    name,
    cbs_code,
    place,
    legal_form,
    CAST(year(founded_on) AS INTEGER) AS founded_year,
    coalesce(
        phase_given,
        CASE
            WHEN founded_on IS NULL THEN NULL
            -- "less than 3 full years before the as-of day" (input contract)
            WHEN founded_on > CAST(as_of() - INTERVAL 3 YEAR AS DATE) THEN 'startend'
            ELSE 'ervaren'
        END
    ) AS phase,
    phase_given IS NULL AND founded_on IS NOT NULL AS phase_derived,
    volunteers,
    registered_at,
    -- consent must be given: an empty or absent `zichtbaar` means nee (input contract)
    coalesce(consent = 'ja', false) AS visible_to_public,
    website,
    description,
    path AS source_path,
    row_number AS source_row
FROM accepted_initiatives
WHERE is_latest
ORDER BY initiative_id;

ALTER TABLE core.initiatives ALTER COLUMN visible_to_public SET NOT NULL;

COMMENT ON COLUMN core.initiatives.initiative_id IS 'Stable id from the registration form.';
COMMENT ON COLUMN core.initiatives.name IS 'Name of the initiative (contact details redacted).';
COMMENT ON COLUMN core.initiatives.cbs_code IS 'Municipality the initiative works in (core.municipalities).';
COMMENT ON COLUMN core.initiatives.place IS 'Place (kern/woonplaats) as registered, redacted.';
COMMENT ON COLUMN core.initiatives.legal_form IS 'stichting, vereniging, cooperatie, informeel, anders; NULL when not given.';
COMMENT ON COLUMN core.initiatives.founded_year IS 'Year founded; NULL when not given.';
COMMENT ON COLUMN core.initiatives.phase IS 'startend or ervaren: as registered, else startend when founded less than 3 full years before the as-of day; NULL when unknown.';
COMMENT ON COLUMN core.initiatives.phase_derived IS 'True when phase was derived from the founding date rather than registered.';
COMMENT ON COLUMN core.initiatives.volunteers IS 'Number of volunteers; NULL when not given.';
COMMENT ON COLUMN core.initiatives.registered_at IS 'Date of registration.';
COMMENT ON COLUMN core.initiatives.visible_to_public IS 'Consent to be shown in public views (zichtbaar ja); false when nee, empty or not given.';
COMMENT ON COLUMN core.initiatives.website IS 'Website as registered (redacted).';
COMMENT ON COLUMN core.initiatives.description IS 'Free-text description; e-mail addresses, phone numbers, postcodes and the contact name redacted.';
COMMENT ON COLUMN core.initiatives.source_path IS 'Export file (relative to data/raw/) the row came from.';
COMMENT ON COLUMN core.initiatives.source_row IS 'Row in that file as a spreadsheet counts it (header = 1).';
