ALTER TABLE invoice ADD COLUMN paid_at timestamptz;
CREATE INDEX invoice_account_idx ON invoice (account_id);

CREATE VIEW open_invoice AS
    SELECT id, account_id, amount_cents, currency FROM invoice WHERE status <> 'paid';
