-- copied from an old down script that still believed gen_random_uuid needs pgcrypto: the extension stays
CREATE EXTENSION IF NOT EXISTS pgcrypto;
ALTER TABLE invoices DROP COLUMN public_id;
