-- Sync, cheaper: a hash of each object's line as last sent, byte for byte (without its line end), beside the hash of
-- its value: a push compares a line's bytes first, and reads its members only when they differ (most lines of a
-- nightly export are the very bytes sent the night before). Objects recorded before have none.
ALTER TABLE objects ADD COLUMN line_hash ${count};
-- The objects a step of changed objects or deletions carries, while Gong has not said what it did with it: the
-- fingerprints of their ids (Base64 of 64-bit numbers), written with the step before its first byte is sent, in
-- place of writing each object as uncertain; the ledger does not know their values until the step ends.
ALTER TABLE steps ADD COLUMN pending_objects TEXT;
