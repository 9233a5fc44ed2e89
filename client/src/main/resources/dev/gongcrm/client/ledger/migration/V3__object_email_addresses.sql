-- Users' addresses: uniqueness checks against earlier pushes need them (objects pushed before stay without).
ALTER TABLE objects ADD COLUMN email_address TEXT;
