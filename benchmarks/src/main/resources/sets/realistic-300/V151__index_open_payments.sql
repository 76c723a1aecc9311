-- most screens list only what is not archived
CREATE INDEX payments_open_invoice_idx ON payments (invoice_id)
    WHERE archived_at IS NULL;
