-- One row per date as written in a date column of the exports: the day it means, NULL when it is no date.
-- Parsed once per distinct text: a million rows hold a few thousand different dates.
CREATE OR REPLACE TEMP TABLE written_dates AS
SELECT written, parse_date(written) AS day
FROM (
    SELECT DISTINCT gemeld_op AS written FROM raw_obstacles
    UNION SELECT DISTINCT datum FROM raw_responses
    UNION SELECT DISTINCT datum FROM raw_checks
    UNION SELECT DISTINCT geregistreerd_op FROM raw_initiatives
)
WHERE written IS NOT NULL
ORDER BY written;
