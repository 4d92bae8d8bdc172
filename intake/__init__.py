"""Intake: initiatives report obstacles, responses and their own entry themselves.

One room with one door for the dashboard's /melden page. Everything a member submits goes
the one validated path an export goes:

- `forms`: what can be submitted, as a row of the input contract (etl.contract);
- `check`: the verdict of the ETL's own rules on the file that would be written, before
  anything is written (etl.warehouse.verdict: one definition, not a copy);
- `inbox`: the file, written atomically to the append-only inbox (OMZIEN_INBOX) under a
  name made from the submission's id, so a rerun or a double click writes it once;
- `ledger`: who submitted which file when (the access log) and how many this hour;
- `status`: what the last load made of an account's submissions (waiting, loaded,
  rejected with the Dutch reason), and the choices the forms offer.

The next `omzien etl run` reads the inbox after the exports. The dashboard never writes the
warehouse, and the inbox never holds the account.
"""
