-- One row per (load, signal): every load's signals with their status, carried over from warehouse to warehouse like the load history, so the next load can tell new from ongoing and ended.
CREATE TABLE etl.signal_history AS SELECT * FROM marts.signals WHERE false;
