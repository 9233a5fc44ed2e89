-- The first ledger layout (gongcrm 0.1): every upload request, the objects Gong holds, each type's last schema.
-- The placeholders orderColumn, id and count are per store: PostgreSQL orders the steps by a seq column as
-- SQLite does by rowid, and its integers of 64 bits are BIGINT.
CREATE TABLE steps (${orderColumn}
  integration_id    ${id} NOT NULL,
  client_request_id TEXT    NOT NULL,
  file              TEXT,
  content_hash      TEXT    NOT NULL,
  kind              TEXT    NOT NULL,
  object_type       TEXT    NOT NULL,
  part              INTEGER NOT NULL,
  bytes             ${count} NOT NULL,
  objects           ${count} NOT NULL,
  status            TEXT    NOT NULL,
  request_id        TEXT,
  started_at        TEXT    NOT NULL,
  accepted_at       TEXT,
  finished_at       TEXT,
  errors            TEXT,
  PRIMARY KEY (integration_id, client_request_id));
CREATE INDEX steps_by_content ON steps (integration_id, content_hash);
CREATE TABLE objects (
  integration_id    ${id} NOT NULL,
  object_type       TEXT    NOT NULL,
  object_id         TEXT    NOT NULL,
  reference_key     TEXT,
  modified_date     TEXT,
  is_deleted        INTEGER NOT NULL,
  is_inactive       INTEGER NOT NULL,
  client_request_id TEXT    NOT NULL,
  PRIMARY KEY (integration_id, object_type, object_id));
CREATE TABLE schemas (
  integration_id    ${id} NOT NULL,
  object_type       TEXT    NOT NULL,
  content           TEXT    NOT NULL,
  uploaded_at       TEXT    NOT NULL,
  PRIMARY KEY (integration_id, object_type));
