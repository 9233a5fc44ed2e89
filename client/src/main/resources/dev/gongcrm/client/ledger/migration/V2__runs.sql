-- Each push: who ran it, where and when, and how it ended; the steps it recorded name it.
CREATE TABLE runs (
  run_id            TEXT    NOT NULL PRIMARY KEY,
  integration_id    ${id} NOT NULL,
  host              TEXT,
  pid               INTEGER,
  user_name         TEXT,
  gongcrm_version   TEXT,
  started_at        TEXT    NOT NULL,
  ended_at          TEXT,
  outcome           TEXT);
CREATE INDEX runs_by_integration ON runs (integration_id, started_at);
ALTER TABLE steps ADD COLUMN run_id TEXT;
