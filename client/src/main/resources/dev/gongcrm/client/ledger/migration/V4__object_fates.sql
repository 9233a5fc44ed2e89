-- Sync: each object's value as last sent (a hash: key order and whitespace do not count), how Gong took it
-- (STORED, FAILED with Gong's error, or UNCERTAIN when Gong's status did not say), and the fields a deletion
-- needs (its mandatory fields as sent, JSON), so that a push sends only what changed or failed.
-- Objects recorded before were all stored; with no hash, each is sent once more.
ALTER TABLE objects ADD COLUMN value_hash ${count};
ALTER TABLE objects ADD COLUMN outcome TEXT NOT NULL DEFAULT 'STORED';
ALTER TABLE objects ADD COLUMN error TEXT;
ALTER TABLE objects ADD COLUMN tombstone TEXT;
